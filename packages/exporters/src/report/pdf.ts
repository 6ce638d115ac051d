import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium';
import { reportHtml } from './html';
import type { ReportDocument } from './model';

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
