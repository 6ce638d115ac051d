import { displayNameSchema, handleSchema, passphraseSchema } from '@mizug/domain';
import { exportScopeQuerySchema } from '@mizug/exporters';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { backupCommands } from './cli/backup-commands';
import { exportToFile, initiativeList } from './cli/export';
import { readPassphrase } from './cli/read-passphrase';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openStorage } from './db/open';
import { loadConfig } from './env';
import { AppError } from './errors';
import { createInstanceAdmin } from './services/create-admin';
import { demoGreeting } from './demo/first-run';
import { seedDemo } from './demo/seed-demo';

/** Opens the configured storage, brings it up to date, runs `work` and closes it. */
async function withStorage<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openStorage(loadConfig());
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

function parseOrExit<T>(
  label: string,
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`${label}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
}

interface Command {
  summary: string;
  run(args: string[]): Promise<void>;
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations (the server also does this at start)',
    async run(args) {
      parseArgs({ args, options: {} });
      const db = await openStorage(loadConfig());
      try {
        const applied = await migrate(db);
        console.log(
          applied.length
            ? `Applied migrations ${applied.join(', ')} to ${db.kind}.`
            : `The ${db.kind} database is up to date.`,
        );
      } finally {
        await db.close();
      }
    },
  },
  'create-admin': {
    summary:
      'create an instance admin who can create initiatives: --handle H [--name "Display name"]; the passphrase is asked for, or read from stdin',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { handle: { type: 'string' }, name: { type: 'string' } },
      });
      if (!values.handle)
        throw new Error('create-admin needs --handle, e.g. pnpm mizug create-admin --handle dana');
      const handle = parseOrExit('--handle', handleSchema, values.handle);
      const displayName = parseOrExit('--name', displayNameSchema, values.name ?? values.handle);
      const passphrase = parseOrExit('passphrase', passphraseSchema, await readPassphrase());
      await withStorage(async (db) => {
        try {
          await createInstanceAdmin(db, { handle, displayName, passphrase });
        } catch (error) {
          if (error instanceof AppError && error.code === 'handle_taken') {
            throw new Error(`The handle "${handle}" is already taken.`, { cause: error });
          }
          throw error;
        }
      });
      console.log(`Created the admin "${handle}". Sign in at /signin to create an initiative.`);
    },
  },
  initiatives: {
    summary: "list every initiative's id and name (--json for scripts)",
    async run(args) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
      const list = await withStorage(initiativeList);
      if (values.json) console.log(JSON.stringify(list, null, 2));
      else for (const { id, name } of list) console.log(`${id}  ${name}`);
    },
  },
  export: {
    summary:
      "export an initiative's knowledge as consented: --initiative ID --format qdpx|qdc|csv|json|md|docx|pdf --out PATH [--session ID | --finding ID, default: the whole initiative] [--as HANDLE, default: its first admin]",
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          initiative: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string' },
          as: { type: 'string' },
          session: { type: 'string' },
          finding: { type: 'string' },
        },
      });
      if (!values.initiative || !values.format || !values.out)
        throw new Error(
          'export needs --initiative, --format and --out, e.g. pnpm mizug export --initiative <id> --format qdpx --out project.qdpx (ids: pnpm mizug initiatives --json)',
        );
      const { initiative, format, out } = values;
      if (!z.uuid().safeParse(initiative).success)
        throw new Error(
          '--initiative must be an initiative id (see pnpm mizug initiatives --json).',
        );
      const scoped = exportScopeQuerySchema.safeParse({
        session: values.session,
        finding: values.finding,
      });
      if (!scoped.success)
        throw new Error(
          '--session and --finding each take one id (a session of the initiative, or a finding of its synthesis), and only one of them.',
        );
      const scope = scoped.data;
      const file = await withStorage((db) =>
        exportToFile(db, { initiativeId: initiative, format, out, as: values.as, scope }),
      );
      const what = scope.kind === 'initiative' ? 'the initiative' : `${scope.kind} ${scope.id}`;
      console.log(`Exported ${what} as ${file.format} as "${file.account.handle}" to ${out}.`);
    },
  },
  'seed-demo': {
    summary:
      'load the demo initiative (loneliness in old age, in Hebrew, Arabic and English) into this instance; refuses if it is there already or its handles are taken',
    async run(args) {
      parseArgs({ args, options: {} });
      const demo = await withStorage(seedDemo);
      console.log(`Loaded the demo initiative ${demo.initiativeId}.`);
      console.log(demoGreeting(demo, 'http://localhost:3000'));
    },
  },
  ...backupCommands(withStorage),
  help: {
    summary: 'list the commands',
    async run() {
      console.log('Usage: pnpm mizug <command> [options]\n\nCommands:');
      for (const [name, { summary }] of Object.entries(commands)) {
        console.log(`  ${name.padEnd(12)} ${summary}`);
      }
      console.log('\nConfiguration comes from the environment; see README.md.');
    },
  },
};

async function main(argv: string[]) {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}". Run "pnpm mizug help" for the list.`);
    process.exitCode = 2;
    return;
  }
  await command.run(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // ConfigError, DataDirInUseError and MigrationError messages are written for the operator.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
