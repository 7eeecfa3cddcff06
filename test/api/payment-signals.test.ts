import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pino from 'pino';
import { signalCases, SIGNAL_DEADLINE_MS } from '../../api/payment-import';
import type { DatabaseHandle } from '../../db/client';
import { rentAccounts } from '../../db/schema-rent';
import { kidForCase } from '../../domain/rent/kid';
import { openTestDatabase } from '../helpers/database';

/**
 * The cases a payments file touched are signalled, each with a deadline of its own: the request's
 * deadline (api/edge.ts, 10 s for a write) is for one answer, and a month's file for thousands of
 * accounts takes longer to signal than that. With Temporal away the import gives up after a pool's
 * worth of failures instead of waiting out every case's deadline.
 */
describe('payments file: signalling the cases it touched (dev server, PostgreSQL)', () => {
  let database: DatabaseHandle;
  let connection: Connection;
  let temporal: Client;
  const logger = pino({ level: 'silent' });
  const A = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const tag = Array.from({ length: 2 }, () => A[Math.floor(Math.random() * 32)]).join('');
  const caseIds = Array.from({ length: 40 }, (_, i) => `SIG-2026-${tag}${A[(i >> 5) & 31]}${A[i & 31]}22`);
  const workflowId = (caseId: string) => `signal-test-${caseId}`;

  beforeAll(async () => {
    database = await openTestDatabase();
    connection = await Connection.connect({ address: inject('temporalAddress') });
    temporal = new Client({ connection });
    const taskQueue = `payment-signals-${randomUUID()}`;
    // Running workflows with no worker: the server records each signal in the history all the same.
    for (const caseId of caseIds) await temporal.workflow.start('minimalWorkflow', { taskQueue, workflowId: workflowId(caseId) });
    await database.db.insert(rentAccounts).values(caseIds.map((caseId) => ({ caseId, municipality: 'tynset', workflowId: workflowId(caseId), kid: kidForCase(caseId), monthlyRentOre: 915_000, dueDay: 1, allowanceAssigned: false })));
  });
  afterAll(async () => {
    await connection?.close();
    await database?.close();
  });

  it('signals every case even when the request’s own deadline has passed', async () => {
    // As inside a request whose Temporal deadline (api/edge.ts) is already spent by the time the file is posted.
    const result = await temporal.withDeadline(Date.now() + 1, () => signalCases({ db: database.db, temporal, logger }, caseIds, 'import-1'));
    expect(result).toEqual({ signalled: caseIds.length, failed: 0 });
    for (const caseId of caseIds.slice(0, 5)) {
      const history = await temporal.workflow.getHandle(workflowId(caseId)).fetchHistory();
      const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
      expect(signals).toHaveLength(1);
    }
  });

  it('gives up after a pool’s worth of failures in a row when Temporal is away, instead of waiting out every deadline', { timeout: 120_000 }, async () => {
    // 320 accounts: ten rounds of the pool of 32 if each case waited out its own deadline.
    const away = Array.from({ length: 320 }, (_, i) => `SIG-2026-${tag}${A[(i >> 10) & 31]}${A[(i >> 5) & 31]}${A[i & 31]}3`);
    await database.db.insert(rentAccounts).values(away.map((caseId) => ({ caseId, municipality: 'tynset', workflowId: workflowId(caseId), kid: kidForCase(caseId), monthlyRentOre: 915_000, dueDay: 1, allowanceAssigned: false })));
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const started = performance.now();
    const result = await signalCases({ db: database.db, temporal: unreachable, logger }, away, 'import-2');
    const seconds = (performance.now() - started) / 1000;
    expect(result).toEqual({ signalled: 0, failed: away.length });
    // The first 32 fail (each within its deadline, some after a connection attempt); the rest are not tried.
    expect(seconds).toBeLessThan((SIGNAL_DEADLINE_MS / 1000) * 4);
  });
});
