import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionBounds {
  /** A client must have sent its request headers within this (an idle or byte-by-byte client is cut off). */
  headersTimeoutMs: number;
  /** A client must have sent its whole request within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

/**
 * Slow or idle clients may not hold connections. Node enforces headersTimeout and requestTimeout only on a
 * 30-second sweep, so the headers deadline is also kept per connection: armed when it opens (and after each
 * answer on a kept-alive one), cleared when the request's headers are in, and past it the socket is destroyed.
 */
export function boundSlowClients(server: Server, bounds: ConnectionBounds): void {
  server.headersTimeout = bounds.headersTimeoutMs;
  server.requestTimeout = Math.max(bounds.requestTimeoutMs, bounds.headersTimeoutMs);
  server.keepAliveTimeout = bounds.keepAliveTimeoutMs;
  const deadlines = new WeakMap<Socket, NodeJS.Timeout>();
  const arm = (socket: Socket) => {
    clearTimeout(deadlines.get(socket));
    const timer = setTimeout(() => socket.destroy(), bounds.headersTimeoutMs);
    timer.unref();
    deadlines.set(socket, timer);
  };
  server.on('connection', (socket: Socket) => {
    arm(socket);
    socket.once('close', () => clearTimeout(deadlines.get(socket)));
  });
  server.on('request', (req: { socket: Socket }, res: { once(e: 'finish', l: () => void): void }) => {
    clearTimeout(deadlines.get(req.socket));
    res.once('finish', () => !req.socket.destroyed && arm(req.socket));
  });
}
