// Binding and closing the emulator's listeners (http, and https for the emulated identity) the same way.
import type { Server } from 'node:net';

/** Listens on `host:port` (0 picks a free port) and resolves with the origin, e.g. `http://127.0.0.1:4000`. */
export async function listen(server: Server, scheme: 'http' | 'https', port: number, host: string): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`, port: bound };
}

/** Stops accepting, drops open (keep-alive) connections, and resolves once the server is down. */
export function close(server: Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
