import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A minimal round-robin TCP load balancer on loopback, standing in for the Service/Route in front
 * of the realtime pods: clients know one address; a connection to a dead pod is refused and the
 * next pod is tried. When a pod dies its connections close and socket.io-client reconnects
 * through here to a live one, exactly as it would behind a real balancer.
 */
export async function startTcpBalancer(backends: { host: string; port: number }[]) {
  let next = 0;
  const open = new Set<Socket>();
  const perBackend = new Map<number, number>();

  function dial(client: Socket, attempt: number): void {
    if (attempt >= backends.length) {
      client.destroy();
      return;
    }
    const backend = backends[(next++ + attempt) % backends.length] as {
      host: string;
      port: number;
    };
    const upstream = createConnection(backend);
    upstream.once('connect', () => {
      perBackend.set(backend.port, (perBackend.get(backend.port) ?? 0) + 1);
      open.add(upstream);
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.once('error', () => {
      if (!upstream.readyState || upstream.connecting) return dial(client, attempt + 1);
      client.destroy();
    });
    upstream.once('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('error', () => client.destroy());
    client.once('close', () => open.delete(client));
    dial(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Connections opened to each backend port so far. */
    connectionsTo: (backendPort: number) => perBackend.get(backendPort) ?? 0,
    close(): Promise<void> {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
