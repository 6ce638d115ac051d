/**
 * Debian's Chromium as every browser test and benchmark launches it: browser downloads are
 * impossible on our machines, and these flags keep it quiet and able to run as root.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
