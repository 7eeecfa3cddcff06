import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditRows } from '../../api/audit';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase } from '../helpers/database';

const row = (requestId: string, caseId: string | null, outcome = 200) => ({ actorId: 'kari.nordmann', actorRoles: 'housing_officer', action: 'read' as const, route: 'GET /api/tasks', caseId, outcome, requestId });

/** Audit rows of concurrent requests are written together (group commit), each request's in order. */
describe('audit log: group commit (api/audit.ts)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  async function rowsOf(prefix: string) {
    const result = (await database.db.execute(sql`select id, request_id, case_id, outcome, xmin::text as tx from audit_log where request_id like ${`${prefix}%`} order by id`)) as unknown as {
      rows: Array<{ id: number; request_id: string; case_id: string | null; outcome: number; tx: string }>;
    };
    return result.rows;
  }

  it('writes the rows of requests that arrive together in fewer statements than requests, each request’s rows whole and in order', async () => {
    const requests = Array.from({ length: 40 }, (_, r) => Array.from({ length: 1 + (r % 5) }, (_, k) => row(`gc-${r}`, `TYN-2026-AAAA${'23456789'[k]}${'23456789'[r % 8]}`)));
    await Promise.all(requests.map((rows) => writeAuditRows(database.db, rows)));
    const written = await rowsOf('gc-');
    expect(written).toHaveLength(requests.flat().length);
    for (const [r, rows] of requests.entries()) {
      const mine = written.filter((w) => w.request_id === `gc-${r}`);
      expect(mine.map((m) => m.case_id)).toEqual(rows.map((x) => x.caseId));
      // One request's rows are committed in one statement.
      expect(new Set(mine.map((m) => m.tx)).size).toBe(1);
    }
    // One transaction per request would give 40; the requests waiting on the first share the next.
    expect(new Set(written.map((w) => w.tx)).size).toBeLessThan(requests.length / 2);
  });

  it('fails every request in a statement that fails, so none is served unlogged, and keeps writing afterwards', async () => {
    const failing = [writeAuditRows(database.db, [row('bad-1', null)]), writeAuditRows(database.db, [row('bad-2', null, Number.NaN)]), writeAuditRows(database.db, [row('bad-3', null)])];
    const outcomes = await Promise.allSettled(failing);
    // The first may have gone alone before the others queued; the bad row's statement fails all in it.
    expect(outcomes[1]!.status).toBe('rejected');
    expect(outcomes[2]!.status).toBe('rejected');
    await writeAuditRows(database.db, [row('after-1', null)]);
    expect((await rowsOf('after-')).map((r) => r.request_id)).toEqual(['after-1']);
    expect((await rowsOf('bad-')).map((r) => r.request_id)).toEqual(outcomes[0]!.status === 'fulfilled' ? ['bad-1'] : []);
  });
});
