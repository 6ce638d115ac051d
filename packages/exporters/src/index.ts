export * from './bundle';
export * from './text';
export { projectXml, codebookXml, sourceFileName } from './refi-qda';
export { qdpxStream } from './qdpx';
export { csvStream, csvColumns, neutraliseFormula, type CsvColumn, type CsvWords } from './csv';
export { jsonStream, bundleJsonSchema } from './json';
export * from './formats';
export * from './scope';
export * from './report';
