import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { applyAction, rejectReason, type CaseAction } from '../../domain/tenancy/actions';
import type { CaseActionPayload } from '../../domain/tenancy/actions';
import { activeAgreement, newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { advanceTime, pendingTimers } from '../../domain/tenancy/timers';
import { toView } from '../../domain/tenancy/view';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { application, followUpWorker, officer, testCaseId } from '../helpers/fixtures';

const start = '2027-03-01';

/** A case that moved in on 1 March 2027 on a three-year lease (last day 29 February 2030) with a signed agreement. */
function movedInCase(options: { agreementBeforeLease?: boolean } = {}): TenancyState {
  const state = newTenancyState({ caseId: testCaseId(), application: application({ receivedDate: start }), now: osloInstant(start, '08:00') });
  let steps = [...allocated(start, DEMO_DWELLINGS[1]!), ...movedIn(start)].filter((s) => s.payload.type !== 'recordVisit');
  if (options.agreementBeforeLease) {
    // The agreement signed before the lease: its validity was provisional until the lease fixed it.
    const lease = steps.find((s) => s.payload.type === 'signLease')!;
    steps = [...steps.filter((s) => s !== lease && s.payload.type !== 'recordMoveIn'), lease, steps.find((s) => s.payload.type === 'recordMoveIn')!];
  }
  let n = 0;
  for (const step of steps) applyAction(state, { idempotencyKey: `k${n++}`, actor: step.as === 'followUpWorker' ? followUpWorker : officer, payload: step.payload }, osloInstant(start, '09:00'));
  return state;
}

const act = (state: TenancyState, payload: CaseActionPayload, date: string, actor = officer) => {
  const action: CaseAction = { idempotencyKey: `${payload.type}-${date}-${Math.random()}`, actor, payload };
  const refused = rejectReason(state, action, osloInstant(date, '10:00'));
  if (refused) throw new Error(refused);
  return applyAction(state, action, osloInstant(date, '10:00'));
};

/** Seed 000 («gyldig til»): the follow-up agreement is attached to the lease and lasts as long. */
describe('seed 000 «gyldig til»: the follow-up agreement follows the lease', () => {
  it('signing the lease sets the agreement\'s validity to the lease\'s last day', () => {
    const state = movedInCase({ agreementBeforeLease: true });
    expect(state.leases![0]!.endDate).toBe('2030-02-28');
    expect(activeAgreement(state)!.validUntil).toBe('2030-02-28');
    expect(state.unsavedRecords!.filter((r) => r.kind === 'agreement').at(-1)!.data.validUntil).toBe('2030-02-28');
  });

  it('an agreement signed before the lease would have outlived it without the correction (patch off)', () => {
    const before = newTenancyState({ caseId: testCaseId(), application: application({ receivedDate: start }), now: osloInstant(start, '08:00') });
    before.features = { ...before.features, 'agreement-follows-lease': false };
    let n = 0;
    const steps = [...allocated(start, DEMO_DWELLINGS[1]!), ...movedIn(start)].filter((s) => !['recordVisit', 'recordMoveIn', 'signLease'].includes(s.payload.type));
    for (const step of steps) applyAction(before, { idempotencyKey: `k${n++}`, actor: step.as === 'followUpWorker' ? followUpWorker : officer, payload: step.payload }, osloInstant('2027-03-02', '09:00'));
    act(before, { type: 'signLease', lease: { startDate: start, signedDate: start } }, start);
    expect(activeAgreement(before)!.validUntil).toBe('2030-03-02');
  });

  it('a renewed lease gives a draft agreement the new lease\'s last day; the signed one keeps its own', () => {
    const state = movedInCase();
    advanceTime(state, osloInstant('2029-11-28', '00:00'));
    act(state, { type: 'recordEvaluation', date: '2029-12-03', outcome: 'revised' }, '2029-12-03', followUpWorker);
    // The revised version is drafted before the renewal: its validity is provisional (the old lease's end).
    act(state, { type: 'createAgreement', terms: { followUpWorkerId: 'ola.hansen', optionalRows: [], visitFrequency: { times: 1, per: 'month' }, lockedDoorWaitMinutes: 30, deviationWeeks: 2 } }, '2029-12-04');
    expect(state.agreements!.at(-1)!.validUntil).toBe('2030-02-28');
    act(state, { type: 'decideRenewal', decision: 'renew', reason: 'Går bra', newLease: { signedDate: '2029-12-05' } }, '2029-12-05');
    expect(state.leases!.at(-1)!.endDate).toBe('2033-02-28');
    expect(state.agreements!.at(-1)!.status).toBe('draft');
    expect(state.agreements!.at(-1)!.validUntil).toBe('2033-02-28');
    expect(activeAgreement(state)!.validUntil).toBe('2030-02-28');
  });

  it('when the agreement lapses the case shows it and the housing officer gets a task to renew or end it', () => {
    const state = movedInCase();
    expect(pendingTimers(state).map((t) => t.reason)).toContain('Oppfølgingsavtalen gjelder til 2030-02-28');
    advanceTime(state, osloInstant('2029-11-28', '00:00'));
    act(state, { type: 'recordEvaluation', date: '2029-12-03', outcome: 'kept' }, '2029-12-03', followUpWorker);
    act(state, { type: 'decideRenewal', decision: 'renew', reason: 'Går bra', newLease: { signedDate: '2029-12-05' } }, '2029-12-05');
    advanceTime(state, osloInstant('2030-02-28', '12:00'));
    expect(activeAgreement(state)!.lapsedOn).toBeUndefined();
    advanceTime(state, osloInstant('2030-03-01', '00:00'));
    expect(activeAgreement(state)!.lapsedOn).toBe('2030-03-01');
    const task = state.tasks.find((t) => t.id === 'agreement-lapsed')!;
    expect(task).toMatchObject({ role: 'housing_officer', assigneeId: 'kari.nordmann', dueDate: '2030-03-15' });
    expect(task.title).toBe('Oppfølgingsavtalen gjaldt til 2030-02-28: lag en ny avtale for leieperioden, eller avslutt oppfølgingen med vedtak');
    expect(state.unsavedEvents.map((e) => e.kind)).toContain('agreement_lapsed');
    // Renewal: a new version signed by all three closes the task.
    act(state, { type: 'createAgreement', terms: { followUpWorkerId: 'ola.hansen', optionalRows: [], visitFrequency: { times: 1, per: 'week' }, lockedDoorWaitMinutes: 30, deviationWeeks: 2 } }, '2030-03-04');
    act(state, { type: 'signAgreement', party: 'tenant', date: '2030-03-04' }, '2030-03-04');
    act(state, { type: 'signAgreement', party: 'follow_up_worker', date: '2030-03-04' }, '2030-03-04', followUpWorker);
    act(state, { type: 'signAgreement', party: 'housing_officer', date: '2030-03-04' }, '2030-03-04');
    expect(state.tasks.map((t) => t.id)).not.toContain('agreement-lapsed');
    expect(activeAgreement(state)!.validUntil).toBe('2033-02-28');
  });

  it('a run recorded before the correction has no lapse timer (patch off)', () => {
    const state = movedInCase();
    state.features = { ...state.features, 'agreement-follows-lease': false };
    expect(pendingTimers(state).map((t) => t.reason)).not.toContain('Oppfølgingsavtalen gjelder til 2030-02-28');
  });
});

/** Domain-facts (husleieloven): a fixed-term lease nobody ended becomes open-ended three months after its end date. */
describe('domain-facts lease end: open-ended three months after the end date', () => {
  function expired(): TenancyState {
    const state = movedInCase();
    advanceTime(state, osloInstant('2029-11-28', '00:00'));
    expect(state.tasks.map((t) => t.id)).toContain('renewal-assessment');
    return state;
  }

  it('the day after the last day with no decision, the housing officer is warned with a business-day due date', () => {
    const state = expired();
    expect(pendingTimers(state).map((t) => t.reason)).toContain('Leiekontrakten utløp 2030-02-28 (blir tidsubestemt 2030-06-01 uten oppsigelse)');
    advanceTime(state, osloInstant('2030-03-01', '00:00'));
    expect(toView(state).leaseTerm).toEqual({ endDate: '2030-02-28', openEndedFrom: '2030-06-01', openEnded: false });
    const task = state.tasks.find((t) => t.id === 'lease-expired')!;
    // A month after 1 March 2030 is 1 April 2030, a Monday after Easter (Easter Monday is 22 April 2030): stays.
    expect(task).toMatchObject({ kind: 'lease_expired', role: 'housing_officer', dueDate: '2030-04-01' });
    expect(task.title).toContain('før 2030-06-01');
    expect(state.renewal!.expiredWarned).toBe('2030-03-01');
  });

  it('the due date rolls past a public holiday: a lease whose last day is 16 April 2030 is warned due 17 May → 20 May', () => {
    const state = movedInCase();
    state.leases![0]!.endDate = '2030-04-16';
    state.renewal = { assessmentOpened: '2030-01-16' };
    advanceTime(state, osloInstant('2030-04-17', '00:00'));
    expect(state.tasks.find((t) => t.id === 'lease-expired')!.dueDate).toBe('2030-05-20');
  });

  it('on the date the case records that the lease is open-ended, and the renewal tasks close', () => {
    const state = expired();
    advanceTime(state, osloInstant('2030-03-01', '00:00'));
    expect(pendingTimers(state).map((t) => t.reason)).toContain('Leieforholdet blir tidsubestemt 2030-06-01');
    advanceTime(state, osloInstant('2030-06-01', '00:00'));
    expect(state.renewal!.openEndedSince).toBe('2030-06-01');
    expect(toView(state).leaseTerm).toEqual({ endDate: '2030-02-28', openEndedFrom: '2030-06-01', openEnded: true });
    expect(state.tasks.map((t) => t.id)).not.toContain('lease-expired');
    expect(state.tasks.map((t) => t.id)).not.toContain('renewal-assessment');
    expect(state.unsavedEvents.find((e) => e.kind === 'lease_open_ended')!.summary).toContain('Leieforholdet er tidsubestemt fra 2030-06-01');
  });

  it('a renewal or the landlord\'s notice before the date closes the warning', () => {
    const renewed = expired();
    advanceTime(renewed, osloInstant('2030-03-01', '00:00'));
    act(renewed, { type: 'recordEvaluation', date: '2030-03-04', outcome: 'kept' }, '2030-03-04', followUpWorker);
    act(renewed, { type: 'decideRenewal', decision: 'renew', newLease: { signedDate: '2030-03-04' } }, '2030-03-04');
    expect(renewed.tasks.map((t) => t.id)).not.toContain('lease-expired');
    const ended = expired();
    advanceTime(ended, osloInstant('2030-03-01', '00:00'));
    act(ended, { type: 'giveNotice', givenBy: 'landlord', noticeDate: '2030-03-04', reason: 'Leiekontrakten er utløpt og fornyes ikke' }, '2030-03-04');
    expect(ended.tasks.map((t) => t.id)).not.toContain('lease-expired');
    expect(pendingTimers(ended).map((t) => t.reason).join(' ')).not.toContain('tidsubestemt');
  });

  it('refuses the landlord\'s end with a move-out date in the past', () => {
    const state = expired();
    const notice = (moveOutDate?: string): CaseAction => ({ idempotencyKey: 'n', actor: officer, payload: { type: 'giveNotice', givenBy: 'landlord', noticeDate: '2029-10-01', reason: 'Fornyes ikke', ...(moveOutDate ? { moveOutDate } : {}) } });
    expect(rejectReason(state, notice('2030-02-28'), osloInstant('2030-03-04', '10:00'))).toBe('Flyttedatoen 2030-02-28 ligger i fortiden. Oppgi en flyttedato fra i dag (2030-03-04) eller senere.');
    // Without a date, the earliest under § 9-6 from a backdated notice is in the past too.
    expect(rejectReason(state, notice(), osloInstant('2030-03-04', '10:00'))).toBe('Flyttedatoen 2030-01-31 ligger i fortiden. Oppgi en flyttedato fra i dag (2030-03-04) eller senere.');
    expect(rejectReason(state, notice('2030-04-30'), osloInstant('2030-03-04', '10:00'))).toBeUndefined();
  });

  it('a run recorded before the correction sets no watch (patch off)', () => {
    const state = expired();
    state.features = { ...state.features, 'lease-open-ended-watch': false };
    advanceTime(state, osloInstant('2030-03-01', '00:00'));
    expect(state.tasks.map((t) => t.id)).not.toContain('lease-expired');
  });
});
