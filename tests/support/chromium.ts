/**
 * Debian's Chromium as every browser test and benchmark launches it: the same options the
 * server's PDF export launches it with (one definition, in the exporters package).
 */
export { chromiumLaunchOptions } from '../../packages/exporters/src/report/chromium';
