import { Readable } from 'node:stream';
import { z } from 'zod';
import { exportBundleSchema, type ExportBundle } from './bundle';

/** The JSON Schema of the bundle, generated from the one zod schema, shipped in every export. */
export const bundleJsonSchema = () =>
  z.toJSONSchema(exportBundleSchema, { unrepresentable: 'any', io: 'output' });

/**
 * The provenance graph as JSON — findings → cards (`codings`) → sources → groups, with users as
 * credited — and, under `schema`, the JSON Schema that describes `graph`. Streamed part by part.
 */
export function jsonStream(bundle: ExportBundle): Readable {
  function* parts() {
    yield `{"schema":${JSON.stringify(bundleJsonSchema())},"graph":{`;
    const entries = Object.entries(bundle);
    for (const [index, [key, value]] of entries.entries()) {
      const comma = index < entries.length - 1 ? ',' : '';
      if (!Array.isArray(value)) {
        yield `${JSON.stringify(key)}:${JSON.stringify(value)}${comma}`;
        continue;
      }
      yield `${JSON.stringify(key)}:[`;
      for (const [at, item] of value.entries()) yield `${at ? ',' : ''}${JSON.stringify(item)}`;
      yield `]${comma}`;
    }
    yield '}}\n';
  }
  return Readable.from(parts());
}
