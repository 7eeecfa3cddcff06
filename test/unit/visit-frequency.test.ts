import { describe, expect, it } from 'vitest';
import { addDays, osloInstant } from '../../domain/calendar';
import { AgreementTerms } from '../../domain/schemas/case-actions';
import { visitsText } from '../../domain/agreement-template';
import { applyAction } from '../../domain/tenancy/actions';
import { newTenancyState } from '../../domain/tenancy/state';
import { advanceTime } from '../../domain/tenancy/timers';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { application, followUpWorker, officer, testCaseId } from '../helpers/fixtures';

const start = '2027-03-01';

/** A case that moved in on 1 March 2027 with an agreement of `visitFrequency`. */
function movedInWith(visitFrequency: { times: number; per: 'week' | 'month'; every?: number }) {
  const state = newTenancyState({ caseId: testCaseId(), application: application({ receivedDate: start }), now: osloInstant(start, '08:00') });
  let n = 0;
  for (const step of [...allocated(start, DEMO_DWELLINGS[1]!), ...movedIn(start)]) {
    const payload = step.payload.type === 'createAgreement' ? { ...step.payload, terms: { ...step.payload.terms, visitFrequency } } : step.payload;
    if (payload.type === 'recordVisit') continue;
    applyAction(state, { idempotencyKey: `k${n++}`, actor: step.as === 'followUpWorker' ? followUpWorker : officer, payload }, osloInstant(start, '09:00'));
  }
  const visit = (date: string) => applyAction(state, { idempotencyKey: `v${date}`, actor: followUpWorker, payload: { type: 'recordVisit', date, outcome: 'completed' } }, osloInstant(date, '12:00'));
  return { state, visit };
}

/** Seed 000's «x pr uke/mnd» includes «every second week»: the agreement records every N weeks or months. */
describe('visit frequency: every N weeks or months', () => {
  it('accepts every N weeks/months in the agreement terms (1–12), and says it in Norwegian', () => {
    const base = { followUpWorkerId: 'ola.hansen', lockedDoorWaitMinutes: 30 };
    expect(AgreementTerms.safeParse({ ...base, visitFrequency: { times: 1, per: 'week', every: 2 } }).success).toBe(true);
    expect(AgreementTerms.safeParse({ ...base, visitFrequency: { times: 1, per: 'week', every: 13 } }).success).toBe(false);
    expect(visitsText({ times: 1, per: 'week', every: 2 })).toBe('1 gang hver 2. uke');
    expect(visitsText({ times: 2, per: 'month', every: 3 })).toBe('2 ganger hver 3. måned');
    expect(visitsText({ times: 1, per: 'week' })).toBe('1 gang pr uke');
  });

  it('every second week: one visit in each two-week window is kept; a window without one is a deviation', () => {
    const { state, visit } = movedInWith({ times: 1, per: 'week', every: 2 });
    expect(state.followUp!.window).toMatchObject({ start, end: '2027-03-15', required: 1, every: 2 });
    visit('2027-03-10');
    advanceTime(state, osloInstant('2027-03-15', '00:00'));
    expect(state.followUp!.missedWindows).toBe(0);
    expect(state.followUp!.window).toMatchObject({ start: '2027-03-15', end: '2027-03-29' });
    advanceTime(state, osloInstant('2027-03-29', '00:00'));
    expect(state.followUp!.missedWindows).toBe(1);
    expect(state.tasks.map((t) => t.id)).toContain('missed-visit-2027-03-15');
  });

  it('every second month: the window spans two calendar months', () => {
    const { state } = movedInWith({ times: 1, per: 'month', every: 2 });
    expect(state.followUp!.window).toMatchObject({ start, end: '2027-05-01' });
    advanceTime(state, osloInstant(addDays('2027-05-01', 0), '00:00'));
    expect(state.followUp!.window).toMatchObject({ start: '2027-05-01', end: '2027-07-01' });
  });
});

/** Seed 000: «Oppfølger skal etter {deviationWeeks} uker med avvik gi beskjed til boligkontoret». */
describe('missed visit windows past the agreement\'s deviation limit reach the housing office', () => {
  const toOffice = (s: ReturnType<typeof movedInWith>['state']) => (s.unsentNotices ?? []).filter((n) => n.to === 'housing_office');

  it('after two weeks without the agreed weekly visits the housing office is told, once, and a kept window starts over', () => {
    const { state, visit } = movedInWith({ times: 1, per: 'week' });
    advanceTime(state, osloInstant('2027-03-08', '00:00'));
    expect(state.followUp!.missedWindows).toBe(1);
    expect(toOffice(state)).toEqual([]);
    advanceTime(state, osloInstant('2027-03-15', '00:00'));
    expect(toOffice(state)).toEqual([expect.objectContaining({ subject: `Avvik i oppfølgingen (sak ${state.caseId})` })]);
    expect(state.unsavedEvents.map((e) => e.kind)).toContain('visit_deviation_reported');
    advanceTime(state, osloInstant('2027-03-22', '00:00'));
    expect(toOffice(state)).toHaveLength(1);
    visit('2027-03-23');
    advanceTime(state, osloInstant('2027-03-29', '00:00'));
    expect(state.followUp!.missedSince).toBeUndefined();
    advanceTime(state, osloInstant('2027-04-12', '00:00'));
    expect(toOffice(state)).toHaveLength(2);
  });

  it('tells nobody in a run recorded before the correction (patch missed-visits-reach-housing-office off)', () => {
    const { state } = movedInWith({ times: 1, per: 'week' });
    state.features = { ...state.features, 'missed-visits-reach-housing-office': false };
    advanceTime(state, osloInstant('2027-03-29', '00:00'));
    expect(state.followUp!.missedWindows).toBe(4);
    expect(toOffice(state)).toEqual([]);
  });
});
