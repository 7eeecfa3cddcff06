import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFailureLimiter, DEFAULT_RATE_LIMITS } from '../../api/security';

/**
 * The failed-login limit counts refused credentials only: many requests in flight from one address,
 * and requests their clients gave up on, are no guesses (they locked a whole address out under load).
 */
describe('authFailureLimiter', () => {
  let server: http.Server;
  let base: string;
  let release: () => void = () => {};
  let gate = Promise.resolve();
  beforeAll(async () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    app.use(authFailureLimiter({ ...DEFAULT_RATE_LIMITS, authFailures: 3 }));
    app.get('/slow', async (_req, res) => {
      await gate;
      res.json({ ok: true });
    });
    app.get('/refuse', (_req, res) => void res.status(401).json({ error: 'nei' }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const get = (path: string, signal?: AbortSignal) => fetch(`${base}${path}`, { headers: { authorization: 'Bearer x' }, signal });

  it('lets more requests than the limit be in flight at once from one address', async () => {
    gate = new Promise((r) => (release = r));
    const inFlight = Array.from({ length: 10 }, () => get('/slow'));
    await new Promise((r) => setTimeout(r, 200));
    release();
    expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('does not count requests the client gave up on', async () => {
    gate = new Promise((r) => (release = r));
    const controllers = Array.from({ length: 6 }, () => new AbortController());
    const abandoned = controllers.map((c) => get('/slow', c.signal).catch(() => 'aborted'));
    await new Promise((r) => setTimeout(r, 200));
    for (const c of controllers) c.abort();
    expect(await Promise.all(abandoned)).toEqual(Array(6).fill('aborted'));
    release();
    await new Promise((r) => setTimeout(r, 100));
    expect((await get('/slow')).status).toBe(200);
  });

  it('refuses an address with 429 and Retry-After after the limit of refused credentials, valid or not', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/refuse')).status).toBe(401);
    const blocked = await get('/slow');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.json()).toEqual({ error: 'For mange mislykkede innlogginger. Vent litt og prøv igjen.' });
  });
});
