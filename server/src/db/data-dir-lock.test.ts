import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mizug-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder, records this process and releases the lock', () => {
    const nested = join(dir, 'a', 'b');
    const release = lockDataDir(nested);
    expect(readFileSync(join(nested, 'mizug.lock'), 'utf8')).toMatch(
      new RegExp(`^${process.pid}\\b`),
    );
    release();
    expect(existsSync(join(nested, 'mizug.lock'))).toBe(false);
  });

  it('refuses a folder locked by another running process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'mizug.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(`pid ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has exited', async () => {
    const other = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => other.on('exit', done));
    writeFileSync(join(dir, 'mizug.lock'), String(other.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'mizug.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`));
    release();
  });

  // After kill -9 the dead server stays a zombie until its parent (pnpm, a shell) reaps it, and
  // signal 0 still reaches a zombie.
  it.runIf(existsSync('/proc/self/stat'))(
    'takes over a lock left by a killed process its parent has not reaped yet',
    async () => {
      // The child outlives the shell's exec into `sleep`, which never reaps it: a shell that saw
      // it exit first could reap it itself.
      const parent = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 30']);
      try {
        const zombie = Number(
          await new Promise<string>((done) => parent.stdout.once('data', done)),
        );
        await expect
          .poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0], {
            timeout: 15_000,
          })
          .toBe('Z');
        writeFileSync(join(dir, 'mizug.lock'), String(zombie));
        const release = lockDataDir(dir);
        expect(readFileSync(join(dir, 'mizug.lock'), 'utf8')).toMatch(
          new RegExp(`^${process.pid}\\b`),
        );
        release();
      } finally {
        parent.kill();
      }
    },
  );

  it.runIf(existsSync('/proc/self/stat'))(
    'takes over a lock whose pid now belongs to another process',
    async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
      try {
        writeFileSync(join(dir, 'mizug.lock'), `${other.pid} 1`);
        const release = lockDataDir(dir);
        expect(readFileSync(join(dir, 'mizug.lock'), 'utf8')).toMatch(
          new RegExp(`^${process.pid}\\b`),
        );
        release();
      } finally {
        other.kill();
      }
    },
  );
});
