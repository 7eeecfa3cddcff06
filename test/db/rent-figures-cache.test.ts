import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRentLedgerActivities } from '../../activities/rent-ledger';
import { createTenancyRecordActivities } from '../../activities/tenancy-records';
import { cachedFigures } from '../../api/rent-figures-cache';
import { computePortfolioFigures, portfolioFigures } from '../../api/routes/rent';
import type { DatabaseHandle } from '../../db/client';
import { rentLedger } from '../../db/schema-rent';
import { osloInstant } from '../../domain/calendar';
import { kidForCase } from '../../domain/rent/kid';
import { dueDateFor, periodsBetween } from '../../domain/rent/schedule';
import { startRent } from '../../domain/tenancy/rent';
import { newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { toView } from '../../domain/tenancy/view';
import { openTestDatabase } from '../helpers/database';

/**
 * GET /api/rent/figures derives every account's balance from its whole ledger (739 ms at 2,500
 * accounts). It is computed once per change of what it reads: a ledger entry, an account, or a
 * snapshot of a case with an account. A cache that served stale figures after any of those fails here,
 * and so does one that computes every time.
 */
describe('rent figures: computed once per change (api/rent-figures-cache.ts)', () => {
  let database: DatabaseHandle;
  const municipality = `fig-${randomUUID().slice(0, 8)}`;
  const A = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const tag = Array.from({ length: 3 }, () => A[Math.floor(Math.random() * 32)]).join('');
  const caseIds = [0, 1, 2, 3].map((i) => `FIG-2026-${tag}ZZ${A[i]}`);
  const states = new Map<string, TenancyState>();
  const asOf = '2026-06-15';

  async function withAccount(caseId: string) {
    const records = createTenancyRecordActivities({ db: database.db });
    const ledger = createRentLedgerActivities({ db: database.db });
    {
      const state = newTenancyState({
        caseId,
        now: osloInstant('2026-01-05', '09:00'),
        application: { municipality, applicant: { name: 'Test' }, householdMembers: [], currentHousing: 'Test', language: 'norsk', needsInterpreter: false, receivedDate: '2026-01-05', housingOfficerId: 'kari.nordmann' },
      });
      state.phase = 'follow_up';
      state.moveInDate = '2026-01-01';
      startRent(state, { moveIn: '2026-01-01' });
      states.set(caseId, state);
      await records.saveTenancySnapshot({ workflowId: `tenancy-${caseId}`, view: toView(state) });
      const charges = periodsBetween('2026-01', '2026-06').map((period) => ({ period, dueDate: dueDateFor(period, 1), amountOre: 500_000 }));
      await ledger.syncRentLedger({ workflowId: `tenancy-${caseId}`, account: { caseId, municipality, kid: kidForCase(caseId), monthlyRentOre: 500_000, dueDay: 1, allowanceAssigned: false }, charges, asOf });
    }
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    for (const caseId of caseIds.slice(0, 3)) await withAccount(caseId);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reuses the figures while nothing changed, and computes them again after a payment, a new account or a snapshot', async () => {
    const db = database.db;
    let computed = 0;
    const figures = (day = asOf) =>
      cachedFigures(db, municipality, day, () => {
        computed++;
        return computePortfolioFigures(db, municipality, day);
      });

    const first = await figures();
    expect(first).toMatchObject({ tenancies: 3, tenanciesInArrears: 3, totalArrearsOre: 3 * 6 * 500_000 });
    // Requests that arrive together share one computation; later ones reuse it.
    const again = await Promise.all([figures(), figures(), figures()]);
    expect(computed).toBe(1);
    for (const f of again) expect(f).toEqual(first);
    // Another day is other figures.
    await figures('2026-03-15');
    expect(computed).toBe(2);

    // A payment: the arrears fall at once.
    await db.insert(rentLedger).values({ caseId: caseIds[0]!, dedupKey: `txn:${tag}-1`, kind: 'payment', amountOre: 3_000_000, date: '2026-06-10', source: 'test' });
    const paid = await figures();
    expect(computed).toBe(3);
    expect(paid).toEqual(await computePortfolioFigures(db, municipality, asOf));
    expect(paid).toMatchObject({ tenanciesInArrears: 2, totalArrearsOre: 2 * 6 * 500_000 });

    // A snapshot write (the case leaves: status closed) with a higher version.
    const leaving = states.get(caseIds[1]!)!;
    leaving.status = 'closed';
    leaving.version++;
    await createTenancyRecordActivities({ db }).saveTenancySnapshot({ workflowId: `tenancy-${caseIds[1]}`, view: toView(leaving) });
    const closed = await figures();
    expect(computed).toBe(4);
    expect(closed).toMatchObject({ tenancies: 2 });
    expect(closed).toEqual(await computePortfolioFigures(db, municipality, asOf));

    // A new tenancy with an account.
    await withAccount(caseIds[3]!);
    const added = await figures();
    expect(computed).toBe(5);
    expect(added).toMatchObject({ tenancies: 3, tenanciesInArrears: 2 });
    expect(added).toEqual(await computePortfolioFigures(db, municipality, asOf));

    // The route's own entry point answers the same as a fresh computation.
    expect(await portfolioFigures(db, municipality, asOf)).toEqual(await computePortfolioFigures(db, municipality, asOf));
  });
});
