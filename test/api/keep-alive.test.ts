import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { listenApi } from '../../api/listen';

/**
 * A keep-alive connection left idle longer than Node's default 5 s is still open: a proxy in front
 * reuses its connections for up to a minute, and one the server had closed meanwhile failed its
 * request with ECONNRESET (seen in `npm run bench`).
 */
describe('the API server keeps idle connections open longer than a proxy does', () => {
  const app = express();
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  const server = listenApi(app, 0, '127.0.0.1');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(async () => {
    agent.destroy();
    await new Promise((r) => server.close(r));
  });

  const get = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
      });
      req.on('error', reject);
    });

  it('answers on the same connection after 6 s of quiet', { timeout: 20_000 }, async () => {
    await new Promise((r) => server.listening ? r(undefined) : server.once('listening', r));
    expect(await get()).toEqual({ status: 200, reused: false });
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await get()).toEqual({ status: 200, reused: true });
  });
});
