import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { DEFAULT_TEMPORAL_DEADLINES } from '../../api/edge';
import { parseApiTokens } from '../../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../../config/env';
import type { DatabaseHandle } from '../../db/client';
import { tenancies } from '../../db/schema';
import { tenancyWorkflowId } from '../../domain/ids';
import { createLogger } from '../../platform/logger';
import { TOKENS } from '../helpers/api';
import { openTestDatabase } from '../helpers/database';
import { freePort } from '../../platform/free-port';

/**
 * Temporal is away (nothing listens where the client points): without a deadline each call retried
 * for ~20 s. Every call from a request now fails within its deadline with a plain 503, a case is
 * still readable from the read model, and /readyz answers at once.
 */
describe('API with Temporal away', () => {
  let database: DatabaseHandle;
  let connection: Connection;
  let server: Server;
  let baseUrl: string;
  const caseId = `TYN-2026-${randomUUID().replace(/[^A-Z2-9]/gi, '').toUpperCase().replace(/[01IO]/g, 'X').slice(0, 6).padEnd(6, 'Z')}`;
  const deadlines = { readMs: 1_000, writeMs: 1_500 };

  beforeAll(async () => {
    database = await openTestDatabase();
    connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    const temporal = new Client({ connection, namespace: 'default' });
    const app = createApp({
      config: { apiTokens: parseApiTokens(DEVELOPMENT_TOKENS), TEMPORAL_TASK_QUEUE: 'ingen', TEMPORAL_NAMESPACE: 'default' },
      database,
      temporal,
      logger: createLogger('silent'),
      edge: { temporalDeadlines: deadlines, readyTimeoutMs: 1_000 },
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await database.db.insert(tenancies).values({
      caseId,
      workflowId: tenancyWorkflowId(caseId),
      municipality: 'tynset',
      phase: 'application',
      status: 'active',
      applicantName: 'Test Testesen',
      housingOfficerId: 'kari.nordmann',
      snapshot: {},
    });
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await connection?.close();
    await database?.close();
  });

  const timed = async (method: string, path: string, body?: unknown) => {
    const started = Date.now();
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKENS.officer}`, ...(body ? { 'content-type': 'application/json', 'Idempotency-Key': `away-${randomUUID()}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any, headers: res.headers, ms: Date.now() - started };
  };

  it('keeps the production deadlines short', () => {
    expect(DEFAULT_TEMPORAL_DEADLINES.readMs).toBeLessThanOrEqual(5_000);
    expect(DEFAULT_TEMPORAL_DEADLINES.writeMs).toBeLessThanOrEqual(10_000);
  });

  it('/readyz answers 503 within its timeout', async () => {
    const res = await timed('GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ database: 'ok', temporal: 'unavailable' });
    expect(res.ms).toBeLessThan(2_500);
  });

  it('a case is read from the read model within the read deadline', async () => {
    const res = await timed('GET', `/api/tenancies/${caseId}`);
    expect(res.status).toBe(200);
    expect(res.body.case.caseId).toBe(caseId);
    expect(res.body.live).toBeNull();
    expect(res.body.liveError).toMatch(/Arbeidsflyten svarte ikke/);
    expect(res.ms).toBeLessThan(deadlines.readMs + 1_500);
  });

  it('a case action answers 503 with a Norwegian message and Retry-After within the write deadline', async () => {
    const res = await timed('POST', `/api/tenancies/${caseId}/actions`, { type: 'withdrawApplication', reason: 'Søkeren har fått bolig privat' });
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('Systemet er midlertidig utilgjengelig. Prøv igjen om litt.');
    expect(res.headers.get('retry-after')).toBe('10');
    expect(res.ms).toBeLessThan(deadlines.writeMs + 1_500);
  });
});
