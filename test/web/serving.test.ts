import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { parseApiTokens } from '../../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../../config/env';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase } from '../helpers/database';
import { createLogger } from '../../platform/logger';
import { ensureWebBuild, INITIAL_JS_BUDGET_BYTES, initialJsBytes, WEB_DIST } from '../../scripts/build-web';

/**
 * The API process serving the staff app at `/`, and the development-user list behind "Velg bruker".
 * The run's database, and a Temporal client that connects only if a route asks (none here does).
 */
describe('the staff app served by the API', () => {
  const servers: Server[] = [];
  const listen = async (tokens: string) => {
    const app = createApp({
      config: { apiTokens: parseApiTokens(tokens), TEMPORAL_TASK_QUEUE: 'web', TEMPORAL_NAMESPACE: 'default' },
      database,
      temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
      logger: createLogger('silent', { process: 'web-test' }),
      webDir: WEB_DIST,
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  let dev: string;
  let prod: string;
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureWebBuild({ say: () => {} });
    dev = await listen(DEVELOPMENT_TOKENS);
    prod = await listen('prod-token-9f8e7d6c:kari.nordmann:housing_officer:tynset');
  });
  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    await database?.close();
  });

  it('serves index.html at / and for deep links, without inline scripts (CSP script-src self), and hashed assets for good', async () => {
    const root = await fetch(`${dev}/`, { headers: { accept: 'text/html' } });
    expect(root.status).toBe(200);
    const html = await root.text();
    expect(html).toContain('<div id="root">');
    expect([...html.matchAll(/<script\b[^>]*>/g)].every((m) => /\ssrc="\/assets\/[^"]+\.js"/.test(m[0]))).toBe(true);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);

    const deep = await fetch(`${dev}/saker/TYN-2026-7KX3QF`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    expect(deep.headers.get('cache-control')).toBe('no-cache');

    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${dev}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${dev}/assets/finnes-ikke.js`)).status).toBe(404);
  });

  it('serves React’s production build, built in this very test run (NODE_ENV=test), within the first-load budget', async () => {
    const html = await (await fetch(`${dev}/`, { headers: { accept: 'text/html' } })).text();
    const js = await (await fetch(`${dev}${/src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!}`)).text();
    expect(js.includes('Download the React DevTools'), 'the bundle is React’s development build').toBe(false);
    expect(initialJsBytes().gzip).toBeLessThan(INITIAL_JS_BUDGET_BYTES);
  });

  it('leaves /api to the API: unknown API paths are not answered with the app', async () => {
    const res = await fetch(`${dev}/api/finnes-ikke`, { headers: { accept: 'text/html', authorization: 'Bearer dev-admin' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Siden eller tjenesten finnes ikke.' });
    expect((await fetch(`${dev}/api/tasks`, { headers: { accept: 'text/html' } })).status).toBe(401);
  });

  it('lists the development users only when the server accepts development tokens', async () => {
    const listed = (await (await fetch(`${dev}/api/dev-users`)).json()) as { users: Array<{ userId: string }> };
    expect(listed.users.map((u) => u.userId)).toEqual(['kari.nordmann', 'ola.hansen', 'skjema', 'admin', 'jon.sveen', 'liv.haugen']);
    expect(listed.users[0]).toEqual({ token: 'dev-boligkonsulent', userId: 'kari.nordmann', roles: ['housing_officer'], municipality: 'tynset' });
    expect(await (await fetch(`${prod}/api/dev-users`)).json()).toEqual({ users: [] });
  });
});
