import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** SvelteKit's adapter-node output; the same relative path from server/src and server/dist. */
export const webBuildHandler = fileURLToPath(
  new URL('../../web/build/handler.js', import.meta.url),
);

/** The built web app's request handler, or undefined when the web app has not been built. */
export async function loadWebHandler(path = webBuildHandler): Promise<NodeHandler | undefined> {
  if (!existsSync(path)) return undefined;
  const module = (await import(pathToFileURL(path).href)) as { handler: NodeHandler };
  return module.handler;
}
