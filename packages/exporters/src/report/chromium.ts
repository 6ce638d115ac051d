/**
 * Debian's Chromium (or `CHROMIUM_PATH`, read at each launch) as the PDF export, every browser
 * test and every benchmark launch it: browser downloads are impossible on our machines, and
 * these flags keep it quiet and able to run as root.
 */
export const chromiumLaunchOptions = {
  get executablePath() {
    return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
