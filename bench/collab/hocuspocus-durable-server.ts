// Hocuspocus for `pnpm bench collab` at Mizug's durability: its database extension storing the
// document in PostgreSQL on every change (debounce 0) rather than on its default 2 s debounce.
// (It still broadcasts before it stores; Mizug stores first.)
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
await sql`CREATE TABLE IF NOT EXISTS hocuspocus_documents (name text PRIMARY KEY, data bytea NOT NULL)`;

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  debounce: 0,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const [row] = await sql<{ data: Uint8Array }[]>`
          SELECT data FROM hocuspocus_documents WHERE name = ${documentName}`;
        return row ? new Uint8Array(row.data) : null;
      },
      store: async ({ documentName, state }) => {
        await sql`INSERT INTO hocuspocus_documents (name, data) VALUES (${documentName}, ${state})
          ON CONFLICT (name) DO UPDATE SET data = excluded.data`;
      },
    }),
  ],
});
await server.listen();
console.log('listening');
