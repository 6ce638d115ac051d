import { parseArgs } from 'node:util';
import { backupInitiative } from '../backup/write-backup';
import { restoreInitiative } from '../backup/restore-backup';
import type { Database } from '../db/database';

type WithStorage = <T>(work: (db: Database) => Promise<T>) => Promise<T>;

/** `backup` and `restore` (docs/BACKUP.md), over the storage `withStorage` opens. */
export const backupCommands = (withStorage: WithStorage) => ({
  backup: {
    summary:
      'write one initiative, with its people, stories, media and documents, to an archive: --initiative ID --out FILE',
    async run(args: string[]) {
      const { values } = parseArgs({
        args,
        options: { initiative: { type: 'string' }, out: { type: 'string' } },
      });
      if (!values.initiative || !values.out)
        throw new Error(
          'backup needs --initiative and --out, e.g. pnpm mizug backup --initiative 6f1c… --out loneliness.mizug.tar.gz',
        );
      const { initiative, out } = values as { initiative: string; out: string };
      const summary = await withStorage((db) => backupInitiative(db, initiative, out));
      console.log(
        `Backed up "${summary.header.initiative.name}" to ${out}: ${summary.rows} rows, ${summary.media} media files, ${summary.documents} documents.`,
      );
    },
  },
  restore: {
    summary:
      'restore an initiative from a backup archive into this instance, all or nothing: restore FILE',
    async run(args: string[]) {
      const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
      const [file] = positionals;
      if (!file || positionals.length > 1)
        throw new Error(
          'restore needs one archive, e.g. pnpm mizug restore loneliness.mizug.tar.gz',
        );
      const summary = await withStorage((db) => restoreInitiative(db, file));
      console.log(
        `Restored "${summary.header.initiative.name}" (${summary.header.initiative.id}): ${summary.rows} rows, ${summary.media} media files, ${summary.documents} documents; ${summary.existingAccounts} people already had an account here.`,
      );
    },
  },
});
