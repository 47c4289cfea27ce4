// The baseline for bench/quiz-fanout.ts: a bare `ws` server on loopback. A control socket
// (path /control) sends `{ payload }`; the server stamps `sentAt`, serialises once and sends the
// same text to every other client, which is the least any broadcast can do.
import { WebSocketServer, type WebSocket } from 'ws';

const port = Number(process.env.PORT ?? 0);
const wss = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 64 * 1024 });
const players = new Set<WebSocket>();

wss.on('connection', (ws, req) => {
  if (req.url !== '/control') {
    players.add(ws);
    ws.on('close', () => players.delete(ws));
    return;
  }
  ws.on('message', (data) => {
    const { payload } = JSON.parse(String(data)) as { payload: Record<string, unknown> };
    const text = JSON.stringify({ ...payload, sentAt: Date.now() });
    for (const p of players) if (p.readyState === p.OPEN) p.send(text);
    ws.send(JSON.stringify({ sentTo: players.size }));
  });
});

wss.on('listening', () => {
  const address = wss.address();
  console.log(`ready ${typeof address === 'object' ? address.port : port}`);
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
