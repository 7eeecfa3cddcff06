import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancies } from '../../db/schema';
import { privateRentals } from '../../db/schema-private-rental';
import type { PrivateRentalView } from '../../domain/private-rental/timers';
import { createLogger } from '../../platform/logger';
import { loadDemoData } from '../../scripts/demo-data';
import { startApiHarness, type ApiHarness } from '../helpers/api';

/** `npm start -- --demo` shows a case helped to rent privately, and loading twice changes nothing. */
describe('demo data: a case referred to help with renting privately', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness('demo private rental');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('continues the referred demo case in the private-rental process, once', { timeout: 120_000 }, async () => {
    const deps = { db: api.database.db, temporal: api.temporal, taskQueue: api.taskQueue, logger: createLogger('silent') };
    await loadDemoData(deps, () => {});
    await loadDemoData(deps, () => {});
    const [row] = await api.database.db.select().from(tenancies).where(and(eq(tenancies.applicantName, 'Kristine Dahl'), eq(tenancies.phase, 'private_rental')));
    expect(row).toBeDefined();
    await expect.poll(async () => (await api.database.db.select().from(privateRentals).where(eq(privateRentals.caseId, row!.caseId))).map((r) => (r.snapshot as PrivateRentalView).candidates.length), { timeout: 10_000 }).toEqual([1]);
    const [referral] = await api.database.db.select().from(privateRentals).where(eq(privateRentals.caseId, row!.caseId));
    expect(referral).toMatchObject({ phase: 'finding', status: 'active' });
  });
});
