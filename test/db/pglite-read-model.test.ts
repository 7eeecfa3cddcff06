import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenancyRecordActivities } from '../../activities/tenancy-records';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { caseListQuery, taskListQuery } from '../../db/work-lists';
import { newTenancyState } from '../../domain/tenancy/state';
import { toView } from '../../domain/tenancy/view';

/**
 * The read model on embedded PGlite, as `npm start` runs it: the lists must walk their indexes in
 * order there too, which takes planner statistics that PGlite (no autovacuum) never gathers by itself;
 * and a list page must not carry every case's snapshot out of the database.
 */
describe('read model on PGlite: planner statistics and narrow list rows', () => {
  let database: DatabaseHandle;
  let dataDir: string;
  const caseIds: string[] = [];
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-pglite-test-'));
    database = await openDatabase({ dataDir, statisticsFirstMs: 200 });
    await database.migrate();
    const records = createTenancyRecordActivities({ db: database.db });
    const A = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
    for (let i = 0; i < 600; i++) {
      const caseId = `TYN-2026-${A[(i >> 10) & 31]}${A[(i >> 5) & 31]}${A[i & 31]}ZZZ`;
      caseIds.push(caseId);
      const state = newTenancyState({
        caseId,
        now: Date.parse('2026-11-02T09:00:00Z'),
        application: { municipality: 'tynset', applicant: { name: `Søker ${i}` }, householdMembers: [], currentHousing: 'Test', language: 'norsk', needsInterpreter: false, receivedDate: '2026-11-02', housingOfficerId: 'kari.nordmann' },
      });
      if (i === 7) state.cautionFlag = { since: '2026-11-02', incidentId: 'hendelse-1' };
      await records.saveTenancySnapshot({ workflowId: `tenancy-${caseId}`, view: toView(state) });
    }
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function planNodes(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
    const { sql: text, params } = query.toSQL();
    const literal = params.reduce<string>((q, p, i) => q.replace(`$${i + 1}`, typeof p === 'number' ? String(p) : `'${String(p).replace(/'/g, "''")}'`), text);
    const result = (await database.db.execute(sql.raw(`explain ${literal}`))) as unknown as { rows: Array<{ 'QUERY PLAN': string }> };
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  it('gathers statistics by itself, and the case list then walks its index in order instead of sorting the municipality', async () => {
    await expect
      .poll(async () => {
        const rows = (await database.db.execute(sql`select reltuples from pg_class where relname = 'tenancies'`)) as unknown as { rows: Array<{ reltuples: number }> };
        return Number(rows.rows[0]!.reltuples);
      }, { timeout: 20_000, interval: 200 })
      .toBeGreaterThanOrEqual(600);
    const plan = await planNodes(caseListQuery(database.db, { municipality: 'tynset' }, { limit: 100 }));
    expect(plan).toMatch(/Index Scan using tenancies_municipality_deadline_idx/);
    expect(plan).not.toMatch(/Sort/);
  });

  it('reads a list page without the snapshots, and the caution flag from its own column', async () => {
    const query = caseListQuery(database.db, { municipality: 'tynset' }, { limit: 1000 });
    expect(query.toSQL().sql).not.toMatch(/snapshot/);
    const rows = await query;
    expect(rows).toHaveLength(600);
    expect(rows.filter((r) => r.caution).map((r) => r.caseId)).toEqual([caseIds[7]]);
    expect(Object.keys(rows[0]!)).not.toContain('snapshot');
    const taskQuery = taskListQuery(database.db, { municipality: 'tynset' }, { limit: 1000 });
    expect(taskQuery.toSQL().sql).not.toMatch(/snapshot/);
    const tasks = await taskQuery;
    expect(new Set(tasks.filter((t) => t.caution).map((t) => t.caseId))).toEqual(new Set([caseIds[7]]));
  });
});
