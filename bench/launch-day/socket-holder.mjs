// A child process that opens and holds WebSocket connections for the socket bench.
// argv: url count protocol(socketio|plain) tokensFile offset
// Speaks just enough of engine.io/socket.io v4 to be a connected client: answers the open packet
// with a namespace CONNECT carrying the token, and every ping with a pong. Reports over IPC.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const [url, countArg, protocol, tokensFile, offsetArg] = process.argv.slice(2);
const count = Number(countArg);
const offset = Number(offsetArg ?? 0);
const tokens = protocol === 'socketio' ? JSON.parse(readFileSync(tokensFile, 'utf8')) : [];
const sockets = [];
let connected = 0;
let failed = 0;
let next = 0;
const retries = [];
const IN_FLIGHT = 100;

// A refused connection (503 while the server sheds, a reset) comes back after a jittered pause,
// as socket.io-client's reconnection does; `failed` counts the refusals.
function open() {
  let i = retries.shift();
  if (i === undefined) {
    if (next >= count) return;
    i = next++;
  }
  const target = protocol === 'socketio' ? `${url}/socket.io/?EIO=4&transport=websocket` : url;
  const ws = new WebSocket(target, { perMessageDeflate: false });
  let done = false;
  const settle = (ok) => {
    if (done) return;
    done = true;
    if (ok) {
      connected += 1;
      open();
      return;
    }
    failed += 1;
    retries.push(i);
    setTimeout(open, 500 + Math.random() * 1500);
  };
  ws.on('error', () => settle(false));
  ws.on('close', () => {
    if (!done) settle(false);
  });
  ws.on('message', (data) => {
    const text = data.toString();
    if (protocol !== 'socketio') return;
    if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token: tokens[offset + i] })}`);
    else if (text.startsWith('40')) settle(true);
    else if (text.startsWith('44')) {
      settle(false);
      ws.close();
    } else if (text === '2') ws.send('3');
  });
  if (protocol !== 'socketio') ws.on('open', () => settle(true));
  sockets.push(ws);
}

for (let k = 0; k < IN_FLIGHT; k++) open();
const report = setInterval(
  () => process.send?.({ connected, failed, done: connected >= count }),
  250,
);
process.on('message', (msg) => {
  if (msg === 'close') {
    clearInterval(report);
    for (const ws of sockets) ws.terminate();
    setTimeout(() => process.exit(0), 200);
  }
});
