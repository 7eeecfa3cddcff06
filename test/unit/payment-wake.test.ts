import { describe, expect, it } from 'vitest';
import { addDays, osloInstant, type IsoDate } from '../../domain/calendar';
import { summarizeLedger, type LedgerEntry } from '../../domain/rent/ledger';
import { paymentCanMoveLadder } from '../../domain/tenancy/payment-wake';
import { applyRentCheck, chargesDue, rentCheckDue, startRent } from '../../domain/tenancy/rent';
import { newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { toView } from '../../domain/tenancy/view';
import { application, testCaseId } from '../helpers/fixtures';

const RENT = 900_000;
const MOVE_IN = '2027-03-01';

/** A tenancy in follow-up that moved in on 1 March 2027, with its ledger kept here and checked as the workflow would. */
function tenancy(caseId = testCaseId()) {
  const state: TenancyState = newTenancyState({ caseId, application: application({ applicant: { name: 'Test Leietaker', email: 'leietaker@example.no' } }), now: osloInstant(MOVE_IN) });
  state.phase = 'follow_up';
  state.moveInDate = MOVE_IN;
  state.monthlyRentOre = RENT;
  startRent(state, { moveIn: MOVE_IN });
  const entries: LedgerEntry[] = [];
  let n = 0;
  const t = {
    state,
    pay(date: IsoDate, amountOre: number) {
      if (amountOre > 0) entries.push({ id: `p${n++}`, kind: 'payment', amountOre, date });
    },
    check(date: IsoDate) {
      const charges = chargesDue(state, date);
      for (const c of charges) entries.push({ id: `c${c.period}`, kind: 'charge', amountOre: c.amountOre, date: c.dueDate, period: c.period, dueDate: c.dueDate });
      applyRentCheck(state, charges, summarizeLedger(entries, date), osloInstant(date, '06:00'));
    },
    /** The scheduled checks only (timers), day by day. */
    runUntil(from: IsoDate, until: IsoDate) {
      for (let d = from; d <= until; d = addDays(d, 1)) if (rentCheckDue(state, d)) t.check(d);
    },
    /** What the ladder did: steps taken, tasks, letters queued (dates aside). */
    outcome: () => ({
      step: state.rent!.step,
      episode: !!state.rent!.episode,
      steps: [...(state.rent!.pastEpisodes.map((e) => e.highestStep)), ...(state.rent!.episode?.steps.map((s) => s.key) ?? [])],
      tasks: state.tasks.map((x) => x.id).sort(),
      notices: (state.unsentNotices ?? []).map((x) => `${x.to}: ${x.subject}`),
    }),
  };
  return t;
}

describe('paymentCanMoveLadder: which cases a payment must wake', () => {
  it('answers for every branch of the rule, on the state and on the stored view alike', () => {
    const t = tenancy();
    expect(paymentCanMoveLadder({ ...t.state, rent: undefined })).toBeUndefined();
    t.check(MOVE_IN);
    // Rent charged, due today: nothing overdue, nothing a payment can change.
    expect(paymentCanMoveLadder(t.state)).toBeUndefined();
    expect(paymentCanMoveLadder(toView(t.state))).toBeUndefined();
    // Past grace unpaid: an arrears episode, which a payment can close or move down.
    t.runUntil(addDays(MOVE_IN, 1), addDays(MOVE_IN, 10));
    expect(t.state.rent!.episode).toBeDefined();
    expect(paymentCanMoveLadder(t.state)).toBe('arrears_episode');
    expect(paymentCanMoveLadder(JSON.parse(JSON.stringify(toView(t.state))))).toBe('arrears_episode');
    // Only an active case in follow-up runs a rent check at all.
    expect(paymentCanMoveLadder({ ...t.state, status: 'closed' })).toBeUndefined();
    expect(paymentCanMoveLadder({ ...t.state, phase: 'lease' })).toBeUndefined();
    const calm = { ...t.state, rent: { ...t.state.rent!, episode: undefined } };
    expect(paymentCanMoveLadder(calm)).toBeUndefined();
    expect(paymentCanMoveLadder({ ...calm, rent: { ...calm.rent, allowanceAwaited: [] } })).toBeUndefined();
    expect(paymentCanMoveLadder({ ...calm, rent: { ...calm.rent, allowanceAwaited: [{ period: '2027-04', lateAfter: '2027-04-24' }] } })).toBe('allowance_awaited');
    const task = { id: 'allowance-missing-2027-04', kind: 'allowance_missing', title: 'x', role: 'housing_office' as const, dueDate: '2027-04-28', createdAt: 0 };
    expect(paymentCanMoveLadder({ ...calm, tasks: [task] })).toBe('allowance_missing');
    expect(paymentCanMoveLadder({ ...calm, tasks: [{ ...task, id: 'rent-follow-up' }] })).toBeUndefined();
  });

  it('a case it leaves asleep ends where it would have ended had the payment woken it (full, partial and no payment, any day)', () => {
    const until = addDays(MOVE_IN, 75);
    for (let day = 0; day <= 12; day++) {
      for (const amountOre of [RENT, RENT / 2, 0]) {
        const paid = addDays(MOVE_IN, day);
        const woken = tenancy();
        const asleep = tenancy(woken.state.caseId);
        for (const t of [woken, asleep]) {
          t.check(MOVE_IN);
          t.runUntil(addDays(MOVE_IN, 1), addDays(paid, -1));
        }
        // Only cases the rule leaves asleep are compared; the others are always woken.
        if (paymentCanMoveLadder(asleep.state)) continue;
        woken.pay(paid, amountOre);
        woken.check(paid);
        asleep.pay(paid, amountOre);
        woken.runUntil(addDays(paid, 1), until);
        asleep.runUntil(paid, until);
        expect(asleep.outcome(), `paid ${amountOre} on day ${day}`).toEqual(woken.outcome());
      }
    }
  });
});
