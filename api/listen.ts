import type { Server } from 'node:http';
import type { Express } from 'express';

/**
 * How long an idle keep-alive connection stays open. Node's default is 5 s, shorter than the idle
 * timeout of the proxies and load balancers a municipality puts in front (often 60 s): the server then
 * closes a connection at the moment the client sends on it, and that request fails with ECONNRESET
 * (a 502 behind a proxy). `npm run bench` saw this: 7 of 2,000 case reads reset on PGlite at 5,000
 * cases after a pause in the load, and 24 of 3,000 requests, `/healthz` too, on the cluster.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Starts the API's HTTP server; every process that serves the API (and the benches) listens here. */
export function listenApi(app: Express, port: number, host: string, onListening?: () => void): Server {
  const server = app.listen(port, host, onListening);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Must outlast keepAliveTimeout, or a slow client's headers on a reused connection are cut off.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return server;
}
