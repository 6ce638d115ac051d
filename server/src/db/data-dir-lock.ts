import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

const hasProc = existsSync('/proc/self/stat');

/**
 * A process as Linux's `/proc/<pid>/stat` describes it: its state letter (`Z` for a zombie, a
 * killed process its parent has not reaped yet) and its start time in clock ticks since boot,
 * which tells a reused pid from the process that took the lock. `null`: no such process;
 * `undefined`: no /proc on this system.
 */
function procStat(pid: number): { state: string; startTime: string } | null | undefined {
  if (!hasProc) return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name in parentheses may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, startTime: fields[19]! };
}

/** The lock file's text: the holder's pid, and on Linux its start time. */
function lockText(): string {
  const startTime = procStat(process.pid)?.startTime;
  return startTime ? `${process.pid} ${startTime}` : String(process.pid);
}

/** Whether the process that wrote the lock text still runs (and is not a zombie). */
function holderRuns(pid: number, startTime: string | undefined): boolean {
  const stat = procStat(pid);
  if (stat === null) return false;
  if (stat)
    return stat.state !== 'Z' && stat.state !== 'X' && (!startTime || stat.startTime === startTime);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>/mizug.lock` for this process. PGlite opens a folder another process already uses
 * without complaint and then corrupts it, so two servers on one data folder must be refused.
 * A lock left by a process that no longer runs is taken over: one that exited, one killed but not
 * yet reaped (a zombie, right after kill -9), or one whose pid now belongs to another process.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'mizug.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, lockText());
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, startTime] = readFileSync(lockPath, 'utf8').trim().split(' ');
      const holder = Number(pidText);
      if (holder !== process.pid && Number.isInteger(holder) && holderRuns(holder, startTime)) {
        throw new DataDirInUseError(
          `The data folder ${dir} is in use by another Mizug process (pid ${holder}). ` +
            'Stop it first, or set MIZUG_DATA_DIR to another folder.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock the data folder ${dir}.`);
}
