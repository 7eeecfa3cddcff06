import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { advanceTime, openEndedFrom, pendingTimers, renewalAssessmentDate, renewalStart } from '../../domain/tenancy/timers';
import { applyAction, rejectReason, type CaseAction } from '../../domain/tenancy/actions';
import { officer } from '../helpers/fixtures';
import { application, testCaseId } from '../helpers/fixtures';

function followUpCase(endDate: string): TenancyState {
  const state = newTenancyState({ caseId: testCaseId(), application: application(), now: osloInstant('2028-05-01') });
  state.phase = 'follow_up';
  state.moveInDate = '2028-05-01';
  state.leases = [{ seq: 1, dwellingId: 'D1', startDate: '2028-05-01', endDate, signedDate: '2028-04-20', monthlyRentOre: 900_000 }];
  state.renewal = {};
  return state;
}

/** Domain-facts (husleieloven): the renewal assessment starts three months before the lease's last day. */
describe('renewal assessment: three months before the lease\'s last day, on a business day', () => {
  it('a lease whose last day is 30 April 2031 is assessed from 30 January 2031, not three months before 1 May', () => {
    expect(renewalAssessmentDate('2031-04-30', 3)).toBe('2031-01-30');
    expect(renewalStart(followUpCase('2031-04-30'))).toBe('2031-01-30');
  });

  it('a date that is not a business day moves to the business day before', () => {
    expect(renewalAssessmentDate('2031-06-29', 3)).toBe('2031-03-28'); // 29 March 2031 is a Saturday
    expect(renewalAssessmentDate('2031-03-29', 3)).toBe('2030-12-27'); // 29 December 2030 is a Sunday
    expect(renewalAssessmentDate('2031-04-17', 3)).toBe('2031-01-17'); // a Friday stays
  });

  it('opens the assessment task on that day', () => {
    const state = followUpCase('2031-04-30');
    expect(pendingTimers(state).map((t) => t.reason)).toContain('Vurdering av fornyelse starter (2031-01-30)');
    advanceTime(state, osloInstant('2031-01-29', '12:00'));
    expect(state.tasks.map((t) => t.id)).not.toContain('renewal-assessment');
    advanceTime(state, osloInstant('2031-01-30', '00:00'));
    expect(state.tasks.map((t) => t.id)).toContain('renewal-assessment');
  });

  it('keeps the old date in a run recorded before the correction (patch renewal-from-last-day off)', () => {
    const state = followUpCase('2031-04-30');
    state.features = { ...state.features, 'renewal-from-last-day': false };
    expect(renewalStart(state)).toBe('2031-02-01');
  });

  it('the assessment task says when the lease turns open-ended: three months after it expired', () => {
    expect(openEndedFrom('2031-04-30')).toBe('2031-08-01');
    const state = followUpCase('2031-04-30');
    advanceTime(state, osloInstant('2031-01-30', '00:00'));
    expect(state.tasks.find((t) => t.id === 'renewal-assessment')!.title).toContain('Uten avgjørelse blir leieforholdet tidsubestemt 2031-08-01.');
  });
});

/** Domain-facts (leases): an «end» decision cannot give a move-out date in the past. */
describe('lease end: an «end» decision after the lease\'s last day is refused', () => {
  const end = (decision: 'end' | 'ownership'): CaseAction => ({ idempotencyKey: `k-${decision}`, actor: officer, payload: { type: 'decideRenewal', decision, reason: 'Fornyes ikke' } });

  it('refuses «end» and «ownership» once the last day has passed, and says what to do instead', () => {
    const state = followUpCase('2031-04-30');
    advanceTime(state, osloInstant('2031-01-30', '00:00'));
    const message = rejectReason(state, end('end'), osloInstant('2031-05-02', '10:00'));
    expect(message).toBe('Leiekontrakten utløp 2031-04-30, så flyttedatoen ville ligge i fortiden. Gi skriftlig oppsigelse med ny flyttedato (giveNotice); leieforholdet blir tidsubestemt 2031-08-01 hvis leietaker ikke er bedt om å flytte før det.');
    expect(rejectReason(state, end('ownership'), osloInstant('2031-05-02', '10:00'))).toBe(message);
  });

  it('accepts «end» up to and including the last day, with that day as the move-out date', () => {
    const state = followUpCase('2031-04-30');
    advanceTime(state, osloInstant('2031-01-30', '00:00'));
    expect(rejectReason(state, end('end'), osloInstant('2031-04-30', '10:00'))).toBeUndefined();
    applyAction(state, end('end'), osloInstant('2031-04-30', '10:00'));
    expect(state.ending?.moveOutDate).toBe('2031-04-30');
  });
});
