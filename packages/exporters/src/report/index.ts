export { reportDocument, type ReportBlock, type ReportDocument, type ReportWords } from './model';
export { reportMarkdown, escapeMarkdown } from './markdown';
export { reportDocx } from './docx';
export { reportHtml, escapeHtml } from './html';
export { reportPdf, ChromiumMissingError } from './pdf';
export { chromiumLaunchOptions } from './chromium';
