import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { ExportBundle } from './bundle';
import { projectXml, sourceFileName } from './refi-qda';

/**
 * A REFI-QDA project exchange file: `project.qde` and `sources/<guid>.txt` (UTF-8 without BOM,
 * which QualCoder would count as a character). The zip streams as it is read, with backpressure.
 */
export function qdpxStream(bundle: ExportBundle): Readable {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(projectXml(bundle), 'utf8'), 'project.qde');
  for (const source of bundle.sources)
    zip.addBuffer(Buffer.from(source.text, 'utf8'), `sources/${sourceFileName(source.id)}`);
  zip.end();
  return zip.outputStream as Readable;
}
