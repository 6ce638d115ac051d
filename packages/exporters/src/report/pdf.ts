import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { reportHtml } from './html';
import type { ReportDocument } from './model';

/**
 * Debian's Chromium (or `CHROMIUM_PATH`, read when launched) as the PDF writer, every browser test and benchmark launch it: browser
 * downloads are impossible on our machines, and these flags keep it quiet and able to run as root.
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

/** Chromium is optional on a server: without it, PDF is the one format it cannot write. */
export class ChromiumMissingError extends Error {
  constructor(readonly executablePath: string) {
    super(`PDF needs Chromium at ${executablePath}`);
  }
}

/**
 * The report printed to PDF by Chromium: the page (all user text escaped, no script, no network)
 * with Rubik's Hebrew, Arabic and Latin glyphs embedded, shaped and laid out by the browser.
 */
export async function reportPdf(
  report: ReportDocument,
  executablePath = chromiumLaunchOptions.executablePath,
): Promise<Buffer> {
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const browser = await chromium.launch({ ...chromiumLaunchOptions, executablePath });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(reportHtml(report), { waitUntil: 'load' });
    // Every face the text uses is loaded before printing.
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
