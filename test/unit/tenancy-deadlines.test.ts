import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { recordIncidentOutcome } from '../../domain/tenancy/incidents';
import { newTenancyState, twoWeeksAfter } from '../../domain/tenancy/state';
import { application, testCaseId } from '../helpers/fixtures';

/** Domain-facts, Calendar: a deadline in weeks that lands on a weekend or public holiday moves to the next business day. */
describe('case deadlines of two weeks fall on business days', () => {
  const state = () => newTenancyState({ caseId: testCaseId(), application: application(), now: osloInstant('2027-05-03') });

  it('two weeks from Monday 3 May 2027 (17 May, a public holiday) is 18 May', () => {
    expect(twoWeeksAfter(state(), '2027-05-03')).toBe('2027-05-18');
    expect(twoWeeksAfter(state(), '2027-04-10')).toBe('2027-04-26');
  });

  it('the revision a three-party meeting asks for is due on a business day', () => {
    const s = state();
    s.phase = 'follow_up';
    s.incidents = [{ incidentId: 'inc-1', workflowId: 'w', situation: 'untidy_home', reportedAt: 0, status: 'open' }];
    recordIncidentOutcome(s, { incidentId: 'inc-1', status: 'closed', revisionRequested: true }, osloInstant('2027-05-03', '10:00'));
    expect(s.tasks.find((t) => t.id === 'revise-agreement')!.dueDate).toBe('2027-05-18');
  });

  it('keeps plain days in a run recorded before the correction (patch tenancy-deadlines-business-days off)', () => {
    const s = state();
    s.features = { ...s.features, 'tenancy-deadlines-business-days': false };
    expect(twoWeeksAfter(s, '2027-05-03')).toBe('2027-05-17');
  });
});
