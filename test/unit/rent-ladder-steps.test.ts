import { describe, expect, it } from 'vitest';
import { addDays, osloInstant, type IsoDate } from '../../domain/calendar';
import { summarizeLedger, type LedgerEntry } from '../../domain/rent/ledger';
import { applyRentCheck, chargesDue, rentCheckDue, rentWakeDates, startRent } from '../../domain/tenancy/rent';
import { newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { applyAction, rejectReason } from '../../domain/tenancy/actions';
import type { Role } from '../../domain/roles';
import { application, testCaseId } from '../helpers/fixtures';

const RENT = 900_000;

/** A tenancy that moved in on the 1st, with the ledger kept here instead of in the database. */
function tenancy(opts: { coLocated?: boolean } = {}) {
  const moveIn = '2027-03-01';
  const state: TenancyState = newTenancyState({ caseId: testCaseId(), application: application({ applicant: { name: 'Test Leietaker', email: 'leietaker@example.no' } }), now: osloInstant(moveIn) });
  state.phase = 'follow_up';
  state.moveInDate = moveIn;
  state.monthlyRentOre = RENT;
  state.followUpWorkerId = 'ola.hansen';
  state.offers = [{ seq: 1, offeredDate: moveIn, warnings: [], answer: 'accepted', dwelling: { id: 'D1', address: 'Gata 1', sizeSqm: 40, rooms: 2, floor: 1, accessible: true, coLocated: opts.coLocated ?? false, monthlyRentOre: RENT } }];
  startRent(state, { moveIn });
  const entries: LedgerEntry[] = [];
  let n = 0;
  return {
    state,
    pay(date: IsoDate, amountOre: number) {
      entries.push({ id: `p${n++}`, kind: 'payment', amountOre, date });
    },
    /** What the workflow does on a day it wakes: post what fell due, then read the balance. */
    check(date: IsoDate) {
      const charges = chargesDue(state, date);
      for (const c of charges) entries.push({ id: `c${c.period}`, kind: 'charge', amountOre: c.amountOre, date: c.dueDate, period: c.period, dueDate: c.dueDate });
      applyRentCheck(state, charges, summarizeLedger(entries, date), osloInstant(date, '06:00'));
    },
    /** Wakes on every day the case would have a timer, up to `until`. */
    runUntil(until: IsoDate) {
      for (let d = state.rent!.lastCheck ?? state.moveInDate!; d <= until; d = addDays(d, 1)) if (rentCheckDue(state, d)) this.check(d);
    },
    notices: () => (state.unsentNotices ?? []).map((x) => `${x.to}: ${x.subject}`),
    tasks: () => state.tasks.map((t) => `${t.id}:${t.role}`),
  };
}

describe('rent ladder steps (pure)', () => {
  it('seed 000 «Manglende husleie» in co-located housing: the department head fetches the arrears and calls the three-party meeting; the administrative officer informs', () => {
    const t = tenancy({ coLocated: true });
    t.runUntil('2027-04-01');
    expect(t.state.rent!.step).toBe('follow_up');
    expect(t.notices()).toEqual(['tenant: Påminnelse: husleien er ikke betalt', `administrative_officer: Husleierestanse i sak ${t.state.caseId}`]);
    expect(t.tasks()).toEqual(expect.arrayContaining(['rent-follow-up:administrative_officer', 'rent-fetch-arrears:department_head', 'rent-three-party-meeting:department_head']));
    expect(t.tasks()).not.toContain('rent-three-party-meeting:housing_officer');
  });

  it('keeps the old co-located roles in a run recorded before the correction (patch co-located-rent-roles off)', () => {
    const t = tenancy({ coLocated: true });
    t.state.features = { ...t.state.features, 'co-located-rent-roles': false };
    t.runUntil('2027-04-01');
    expect(t.notices()).toEqual(['tenant: Påminnelse: husleien er ikke betalt', `department_head: Husleierestanse i sak ${t.state.caseId}`]);
    expect(t.tasks()).toEqual(expect.arrayContaining(['rent-follow-up:department_head', 'rent-three-party-meeting:housing_officer']));
  });

  it('outside co-located housing the follow-up worker is informed and the housing officer calls the meeting', () => {
    const t = tenancy();
    t.runUntil('2027-04-01');
    expect(t.notices()).toEqual(['tenant: Påminnelse: husleien er ikke betalt', `follow_up_worker: Husleierestanse i sak ${t.state.caseId}`]);
    expect(t.tasks()).toEqual(expect.arrayContaining(['rent-follow-up:follow_up_worker', 'rent-three-party-meeting:housing_officer']));
  });

  it('schedules its own checks: the due date, the day after the grace period, and each step threshold', () => {
    const t = tenancy();
    t.check('2027-03-01');
    expect(rentWakeDates(t.state).map((d) => d.date)).toEqual(['2027-03-07', '2027-04-01']);
    t.check('2027-03-07');
    expect(t.state.rent!.step).toBe('reminder');
    expect(rentWakeDates(t.state).map((d) => d.date)).toEqual(['2027-03-31', '2027-04-01', '2027-04-30']);
  });

  it('moves down on a partial payment, and resets when everything is paid', () => {
    const t = tenancy();
    t.runUntil('2027-04-08');
    expect(t.state.rent!.step).toBe('follow_up');
    // March paid: only April is overdue, 7 days old.
    t.pay('2027-04-09', RENT);
    t.check('2027-04-09');
    expect(t.state.rent!.step).toBe('reminder');
    expect(t.state.unsavedEvents.at(-1)!.kind).toBe('arrears_recalculated');
    t.pay('2027-04-10', RENT);
    t.check('2027-04-10');
    expect(t.state.rent!.step).toBeUndefined();
    expect(t.state.rent!.episode).toBeUndefined();
    expect(t.tasks().filter((x) => x.startsWith('rent-'))).toEqual([]);
    expect(t.state.rent!.pastEpisodes).toEqual([expect.objectContaining({ firstMissedDueDate: '2027-03-01', firstContactDate: '2027-03-07', highestStep: 'follow_up' })]);
  });

  it('husleieloven § 9-11: the notice to NAV names the tenant, the dwelling, the amount and months owed and the earliest eviction request date, with a copy to the tenant', () => {
    const t = tenancy();
    t.runUntil('2027-05-01');
    expect(t.state.rent!.step).toBe('warning');
    const nav = t.state.unsentNotices!.filter((n) => n.to === 'nav');
    const copy = t.state.unsentNotices!.filter((n) => n.subject.startsWith('Kopi: varsel til NAV'));
    expect(nav).toHaveLength(1);
    expect(copy).toEqual([expect.objectContaining({ to: 'tenant', body: nav[0]!.body, contactRole: 'housing_office' })]);
    expect(nav[0]!.contactRole).toBe('housing_office');
    const earliest = t.state.rent!.episode!.warning!.earliestEvictionRequest;
    const body = nav[0]!.body;
    expect(body).toContain('Leietaker: Test Leietaker');
    expect(body).toContain('Bolig: Gata 1');
    expect(body).toContain('Ubetalt husleie: 18 000,00 kr for mars 2027 (9 000,00 kr), april 2027 (9 000,00 kr)');
    expect(body).toContain(`Begjæring om fravikelse kan tidligst sendes`);
    expect(body).toContain(`(${earliest})`);
    expect(body).toContain('Leietaker har fått kopi');
  });

  it('keeps the old § 9-11 text in a run recorded before the correction (patch nav-notice-9-11-content off)', () => {
    const t = tenancy();
    t.state.features = { ...t.state.features, 'nav-notice-9-11-content': false };
    t.runUntil('2027-05-01');
    const nav = t.state.unsentNotices!.filter((n) => n.to === 'nav');
    expect(nav[0]!.body).toMatch(/^Husleieloven § 9-11: Leietaker i sak/);
    expect(nav[0]!.contactRole).toBeUndefined();
  });

  it('sends no § 9-11 notice to NAV when the tenant has refused it in writing', () => {
    const t = tenancy();
    t.state.rent!.navNoticeRefusedDate = '2027-03-02';
    t.runUntil('2027-05-01');
    expect(t.state.rent!.step).toBe('warning');
    expect(t.notices().filter((x) => x.startsWith('nav'))).toEqual([]);
    expect(t.state.unsavedEvents.map((e) => e.summary).join(' ')).toContain('leietaker har reservert seg skriftlig (2027-03-02)');
  });
});

/** Issue 11, «Steps nobody can finish»: every ladder task can be done, with a note, by its role. */
describe('ladder tasks are completed with a note by their role', () => {
  const done = (t: ReturnType<typeof tenancy>, taskId: string, actor: { id: string; roles: Role[] }) =>
    ({ idempotencyKey: `done-${taskId}-${actor.id}`, actor: { ...actor, municipality: 'tynset' }, payload: { type: 'completeTask' as const, taskId, note: 'Gjort.' } });

  it('the follow-up worker closes the follow-up task, the housing officer the meeting; nobody closes another role\'s task', () => {
    const t = tenancy();
    t.runUntil('2027-04-01');
    const now = osloInstant('2027-04-02', '10:00');
    expect(rejectReason(t.state, done(t, 'rent-three-party-meeting', { id: 'ola.hansen', roles: ['follow_up_worker'] }), now)).toBe('Oppgaven er tildelt en annen rolle.');
    for (const [taskId, actor] of [['rent-follow-up', { id: 'ola.hansen', roles: ['follow_up_worker'] }], ['rent-nav-contact', { id: 'ola.hansen', roles: ['follow_up_worker'] }], ['rent-three-party-meeting', { id: 'kari', roles: ['housing_officer'] }]] as const) {
      const action = done(t, taskId, { id: actor.id, roles: [...actor.roles] });
      expect(rejectReason(t.state, action, now)).toBeUndefined();
      applyAction(t.state, action, now);
    }
    expect(t.tasks().filter((x) => x.startsWith('rent-'))).toEqual([]);
  });

  it('in co-located housing the administrative officer and the department head close their own tasks', () => {
    const t = tenancy({ coLocated: true });
    t.runUntil('2027-04-01');
    const now = osloInstant('2027-04-02', '10:00');
    for (const [taskId, role] of [['rent-follow-up', 'administrative_officer'], ['rent-fetch-arrears', 'department_head'], ['rent-three-party-meeting', 'department_head']] as const) {
      const action = done(t, taskId, { id: `x-${role}`, roles: [role] });
      expect(rejectReason(t.state, action, now)).toBeUndefined();
      applyAction(t.state, action, now);
    }
    expect(t.tasks().filter((x) => x.startsWith('rent-') && !x.startsWith('rent-nav'))).toEqual([]);
  });
});

/** Tvangsfullbyrdelsesloven § 4-18 (domain-facts): two weeks after the warning, counted from assumed receipt. */
describe('the § 4-18 warning recorded as sent by registered post', () => {
  // Posted on `date` and received three days later (the letter's receipt date is the letters' to derive).
  const posted = (date: string, key = `post-${date}`) => ({ idempotencyKey: key, actor: { id: 'kari', roles: ['housing_officer' as const], municipality: 'tynset' }, payload: { type: 'recordWarningLetterPosted' as const, letterId: 'L-0123456789ab', sentDate: date, receiptDate: addDays(date, 3) } });

  it('starts the clock from the letter\'s assumed receipt, closes the letter task, and moves the committee date', () => {
    const t = tenancy();
    t.runUntil('2027-04-30');
    const warning = t.state.rent!.episode!.warning!;
    expect(warning.sentDate).toBe('2027-04-30');
    expect(t.tasks()).toContain('rent-warning-letter:housing_officer');
    const before = warning.earliestEvictionRequest;
    const now = osloInstant('2027-05-05', '10:00');
    expect(rejectReason(t.state, posted('2027-04-29'), now)).toBe('Brevet kan ikke være sendt før varselet ble laget (2027-04-30).');
    expect(rejectReason(t.state, posted('2027-05-06'), now)).toBe('Datoen kan ikke ligge fram i tid.');
    applyAction(t.state, posted('2027-05-04'), now);
    // Posted 4 May (a Tuesday), received 7 May; + 14 days = 21 May (a Friday).
    expect(t.state.rent!.episode!.warning!.earliestEvictionRequest).toBe('2027-05-21');
    expect(before < '2027-05-21').toBe(true);
    expect(t.tasks()).not.toContain('rent-warning-letter:housing_officer');
    expect(rentWakeDates(t.state).map((d) => d.date)).toContain('2027-05-21');
    // A delivery recorded later moves the date only forward.
    applyAction(t.state, { ...posted('2027-05-04', 'delivered'), payload: { ...posted('2027-05-04').payload, receiptDate: '2027-05-05' } }, now);
    expect(t.state.rent!.episode!.warning!.earliestEvictionRequest).toBe('2027-05-21');
  });

  it('is refused when no warning was sent', () => {
    const t = tenancy();
    t.runUntil('2027-03-10');
    expect(rejectReason(t.state, posted('2027-03-10'), osloInstant('2027-03-10', '12:00'))).toBe('Det er ikke sendt noe varsel etter § 4-18 i denne restansesaken.');
  });
});
