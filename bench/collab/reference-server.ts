// The plain reference server for `pnpm bench collab`: @y/websocket-server, no auth, in memory.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = createServer((_req, res) => res.writeHead(200).end('ok'));
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (socket, request) => setupWSConnection(socket, request));
server.on('upgrade', (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)),
);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
