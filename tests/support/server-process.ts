import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code once the process has ended. */
  stop(): Promise<number | null>;
}

/** Runs the server entry from source (no build needed) and waits for its "listening" log line. */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+).*Mizug is listening/.exec(output);
      if (match) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          process: child,
          output: () => output,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new ServerExited(code, output)));
  });
}

export class ServerExited extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`server exited with ${code}: ${output}`);
  }
}

/** Starts the server expecting it to refuse; resolves with its exit code and output. */
export async function startServerExpectingFailure(env: Record<string, string>) {
  try {
    const server = await startServer(env);
    await server.stop();
    throw new Error('the server started although it should have refused');
  } catch (error) {
    if (error instanceof ServerExited) return error;
    throw error;
  }
}
