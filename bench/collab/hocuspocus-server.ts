// Hocuspocus for `pnpm bench collab`: its own server, no extensions (in memory, no auth).
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true });
await server.listen();
console.log('listening');
