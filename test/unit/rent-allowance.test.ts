import { describe, expect, it } from 'vitest';
import { addDays, osloInstant, type IsoDate } from '../../domain/calendar';
import { ALLOWANCE_MIN_PAYOUT_ORE, allowanceLateAfter, allowancePayoutDate, paidOutOre } from '../../domain/rent/allowance';
import { summarizeLedger, type LedgerEntry } from '../../domain/rent/ledger';
import { applyAction } from '../../domain/tenancy/actions';
import { applyRentCheck, chargesDue, rentCheckDue, rentWakeDates, startRent } from '../../domain/tenancy/rent';
import { newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { application, testCaseId } from '../helpers/fixtures';

const RENT = 900_000;
const ALLOWANCE = 250_000;
const SHARE = RENT - ALLOWANCE;

/** A tenancy with a transporterklæring that moved in on 1 March 2027; the ledger is kept here. */
function tenancy(opts: { monthlyAllowanceOre?: number; allowanceFeature?: boolean } = {}) {
  const moveIn = '2027-03-01';
  const state: TenancyState = newTenancyState({ caseId: testCaseId(), application: application({ applicant: { name: 'Test Leietaker', email: 'leietaker@example.no' } }), now: osloInstant(moveIn) });
  state.features = { ...state.features, 'allowance-awaited': opts.allowanceFeature ?? true };
  state.phase = 'follow_up';
  state.moveInDate = moveIn;
  state.monthlyRentOre = RENT;
  state.offers = [{ seq: 1, offeredDate: moveIn, warnings: [], answer: 'accepted', dwelling: { id: 'D1', address: 'Gata 1', sizeSqm: 40, rooms: 2, floor: 1, accessible: true, coLocated: false, monthlyRentOre: RENT } }];
  startRent(state, { moveIn });
  const act = (payload: Parameters<typeof applyAction>[1]['payload'], date: IsoDate, roles: Array<'housing_officer' | 'housing_office'> = ['housing_officer']) =>
    applyAction(state, { idempotencyKey: `${payload.type}-${date}-${Math.random()}`, actor: { id: 'kari', roles, municipality: 'tynset' }, payload }, osloInstant(date, '09:00'));
  act({ type: 'recordHousingAllowance', status: 'granted', assignmentDeclarationSigned: true, date: '2027-02-20', monthlyAllowanceOre: opts.monthlyAllowanceOre ?? ALLOWANCE, fromPeriod: '2027-03' }, '2027-02-20');
  const entries: LedgerEntry[] = [];
  let n = 0;
  const t = {
    state,
    act,
    pay(date: IsoDate, amountOre: number) {
      entries.push({ id: `p${n++}`, kind: 'payment', amountOre, date });
    },
    allowance(date: IsoDate, period: string, amountOre: number) {
      entries.push({ id: `a${n++}`, kind: 'housing_allowance', amountOre, date, period });
      t.check(date);
    },
    check(date: IsoDate) {
      const charges = chargesDue(state, date);
      for (const c of charges) entries.push({ id: `c${c.period}`, kind: 'charge', amountOre: c.amountOre, date: c.dueDate, period: c.period, dueDate: c.dueDate });
      applyRentCheck(state, charges, summarizeLedger(entries, date), osloInstant(date, '06:00'));
    },
    runUntil(until: IsoDate) {
      for (let d = state.rent!.lastCheck ?? state.moveInDate!; d <= until; d = addDays(d, 1)) if (rentCheckDue(state, d)) t.check(d);
    },
    notices: () => (state.unsentNotices ?? []).map((x) => `${x.to}: ${x.subject}`),
    reminders: () => (state.unsentNotices ?? []).filter((x) => x.subject.startsWith('Påminnelse')),
    tasks: () => state.tasks.map((x) => `${x.id}:${x.role}`),
  };
  return t;
}

describe('bostøtte under a transporterklæring (domain-facts: Husbanken pays around the 20th; under NOK 300 is not paid; never old arrears)', () => {
  it('is paid out on the 20th of the month it covers, or the business day before', () => {
    expect(allowancePayoutDate('2027-04')).toBe('2027-04-20'); // Tuesday
    expect(allowancePayoutDate('2027-03')).toBe('2027-03-19'); // the 20th is a Saturday
    expect(allowancePayoutDate('2027-06')).toBe('2027-06-18'); // the 20th is a Sunday
    expect(allowancePayoutDate('2008-03')).toBe('2008-03-19'); // the 20th is Maundy Thursday
    expect(allowanceLateAfter('2027-03', 5)).toBe('2027-03-24');
  });

  it('pays nothing out under NOK 300 a month', () => {
    expect(ALLOWANCE_MIN_PAYOUT_ORE).toBe(30_000);
    expect(paidOutOre(29_999)).toBe(0);
    expect(paidOutOre(30_000)).toBe(30_000);
  });

  it('a tenant who pays their own share on the due date is not in arrears for the allowance part: no reminder, no step, no follow-up worker', () => {
    const t = tenancy();
    for (const [due, period] of [['2027-03-01', '2027-03'], ['2027-04-01', '2027-04'], ['2027-05-03', '2027-05']] as const) {
      t.pay(due, SHARE);
      t.runUntil(addDays(due, 10));
      expect(t.state.rent!.episode).toBeUndefined();
      t.allowance(allowancePayoutDate(period), period, ALLOWANCE);
      t.runUntil(addDays(due, 27));
    }
    expect(t.reminders()).toEqual([]);
    expect(t.state.rent!.step).toBeUndefined();
    expect(t.state.rent!.pastEpisodes).toEqual([]);
    expect(t.tasks().filter((x) => x.startsWith('rent-') || x.startsWith('allowance-'))).toEqual([]);
    // The monthly settlement still goes to the tenant for each month the allowance covered.
    expect(t.notices().filter((x) => x.includes('Avregning'))).toHaveLength(3);
  });

  it('without the correction (a run recorded before patch allowance-awaited) the allowance part was chased as arrears', () => {
    const t = tenancy({ allowanceFeature: false });
    t.pay('2027-03-01', SHARE);
    t.runUntil('2027-03-10');
    expect(t.reminders()).toHaveLength(1);
  });

  it('an allowance missing after its payout date plus grace is a task for the housing office, not a reminder to the tenant', () => {
    const t = tenancy();
    t.pay('2027-03-01', SHARE);
    t.runUntil('2027-03-24');
    expect(t.tasks()).not.toContain('allowance-missing-2027-03:housing_office');
    expect(rentWakeDates(t.state).map((d) => d.date)).toContain('2027-03-25');
    t.runUntil('2027-03-25');
    expect(t.tasks()).toContain('allowance-missing-2027-03:housing_office');
    expect(t.reminders()).toEqual([]);
    expect(t.state.rent!.episode).toBeUndefined();
    // The allowance arrives late: the task closes by itself.
    t.allowance('2027-03-26', '2027-03', ALLOWANCE);
    expect(t.tasks().filter((x) => x.startsWith('allowance-'))).toEqual([]);
    expect(t.reminders()).toEqual([]);
  });

  it('a lower decision recorded by the housing office makes the difference the tenant\'s from that date, and closes the task', () => {
    const t = tenancy();
    t.pay('2027-03-01', SHARE);
    t.runUntil('2027-03-25');
    expect(t.tasks()).toContain('allowance-missing-2027-03:housing_office');
    const result = t.act({ type: 'recordHousingAllowance', status: 'granted', assignmentDeclarationSigned: true, date: '2027-03-26', monthlyAllowanceOre: 0, fromPeriod: '2027-03' }, '2027-03-26', ['housing_office']);
    expect(result.message).toContain('under 300 kr');
    expect(t.tasks().filter((x) => x.startsWith('allowance-'))).toEqual([]);
    t.check('2027-03-26');
    expect(rentWakeDates(t.state).map((d) => d.date)).toContain('2027-04-01');
    t.runUntil('2027-03-31');
    expect(t.reminders()).toEqual([]);
    t.runUntil('2027-04-01');
    expect(t.state.rent!.balance!.oldestUnpaidDueDate).toBe('2027-03-26');
    expect(t.reminders()).toHaveLength(1);
  });

  it('an allowance that arrives lower than expected makes the difference the tenant\'s from the payout date', () => {
    const t = tenancy();
    t.pay('2027-03-01', SHARE);
    t.runUntil('2027-03-18');
    t.allowance('2027-03-19', '2027-03', 200_000);
    t.runUntil('2027-03-24');
    expect(t.reminders()).toEqual([]);
    t.runUntil('2027-03-25');
    expect(t.state.rent!.balance!.oldestUnpaidDueDate).toBe('2027-03-19');
    expect(t.state.rent!.step).toBe('reminder');
    expect(t.state.rent!.balance!.overdueOre).toBe(50_000);
    expect(t.tasks().filter((x) => x.startsWith('allowance-'))).toEqual([]);
  });

  it('a decision under NOK 300 is not paid out: the tenant owes the whole rent on the due date', () => {
    const t = tenancy({ monthlyAllowanceOre: 25_000 });
    t.pay('2027-03-01', RENT - 25_000);
    t.runUntil('2027-03-07');
    expect(t.reminders()).toHaveLength(1);
    expect(t.state.rent!.balance!.overdueOre).toBe(25_000);
    expect(t.tasks().filter((x) => x.startsWith('allowance-'))).toEqual([]);
  });

  it('never pays old arrears: April\'s allowance leaves March\'s unpaid share overdue', () => {
    const t = tenancy();
    t.allowance('2027-03-19', '2027-03', ALLOWANCE);
    t.runUntil('2027-04-01');
    expect(t.state.rent!.balance!.overdueOre).toBe(SHARE);
    t.pay('2027-04-01', SHARE);
    t.check('2027-04-01');
    t.allowance('2027-04-20', '2027-04', ALLOWANCE);
    // The tenant's April payment paid March (oldest first); April's allowance paid only April.
    expect(t.state.rent!.balance!.overdueOre).toBe(SHARE);
    expect(t.state.rent!.balance!.oldestUnpaidDueDate).toBe('2027-04-01');
    expect(t.state.rent!.balance!.allowanceExcessOre).toBe(0);
  });
});
