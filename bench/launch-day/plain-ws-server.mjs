// The baseline of the socket bench: a bare `ws` server that only holds connections (and pings them
// every 25 s, as Socket.IO does). argv: port
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({
  host: '127.0.0.1',
  port: Number(process.argv[2]),
  perMessageDeflate: false,
});
setInterval(() => {
  for (const ws of wss.clients) ws.ping();
}, 25_000).unref();
wss.on('listening', () => process.send?.('ready'));
