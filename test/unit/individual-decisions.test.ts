import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { fillLetter } from '../../domain/letters/fill';
import { defaultLetterTemplate } from '../../domain/letters/templates';
import { CaseActionPayload as PayloadSchema } from '../../domain/schemas/case-actions';
import { applyAction, rejectReason, type CaseAction, type CaseActionPayload } from '../../domain/tenancy/actions';
import { appealDeadlineFor } from '../../domain/tenancy/decisions';
import { newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { advanceTime, pendingTimers } from '../../domain/tenancy/timers';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { application, followUpWorker, interview, officer, testCaseId } from '../helpers/fixtures';

const start = '2027-03-01';

function applied(): TenancyState {
  const state = newTenancyState({ caseId: testCaseId(), application: application({ receivedDate: start }), now: osloInstant(start, '08:00') });
  applyAction(state, { idempotencyKey: 'i', actor: officer, payload: interview(start) }, osloInstant(start, '09:00'));
  return state;
}

function movedInCase(): TenancyState {
  const state = newTenancyState({ caseId: testCaseId(), application: application({ receivedDate: start }), now: osloInstant(start, '08:00') });
  let n = 0;
  for (const step of [...allocated(start, DEMO_DWELLINGS[1]!), ...movedIn(start)].filter((s) => s.payload.type !== 'recordVisit')) {
    applyAction(state, { idempotencyKey: `k${n++}`, actor: step.as === 'followUpWorker' ? followUpWorker : officer, payload: step.payload }, osloInstant(start, '09:00'));
  }
  state.unsentLetters = [];
  return state;
}

let keys = 0;
function act(state: TenancyState, payload: CaseActionPayload, date: string, actor = officer): string {
  const action: CaseAction = { idempotencyKey: `a${keys++}`, actor, payload };
  const refused = rejectReason(state, action, osloInstant(date, '10:00'));
  if (refused) throw new Error(refused);
  return applyAction(state, action, osloInstant(date, '10:00')).message;
}
const refusal = (state: TenancyState, payload: CaseActionPayload, date: string) => rejectReason(state, { idempotencyKey: `r${keys++}`, actor: officer, payload }, osloInstant(date, '10:00'));

const rejection = { type: 'recordDecision', outcome: 'rejected', date: start, reasons: 'Du har egen bolig du kan bo i.' } as const;

/** Forvaltningsloven §§ 24–27 and boligsosial lov § 6: decisions on the application are written, reasoned and appealable. */
describe('fvl. §§ 24–27: the decision on an application is written, reasoned and appealable', () => {
  it('a rejection without reasons is refused; the schema takes reasons and legal basis', () => {
    const state = applied();
    expect(refusal(state, { type: 'recordDecision', outcome: 'rejected', date: start }, start)).toBe('Et avslag må begrunnes (forvaltningsloven § 24): skriv begrunnelsen i feltet «reasons».');
    expect(PayloadSchema.safeParse({ ...rejection, legalBasis: 'Boligsosial lov § 6' }).success).toBe(true);
    expect(PayloadSchema.safeParse({ ...rejection, reasons: '' }).success).toBe(false);
  });

  it('the rejection is recorded with its reasons, the letter is queued with the appeal text, and the case waits for the appeal deadline', () => {
    const state = applied();
    const message = act(state, rejection, start);
    const deadline = appealDeadlineFor(start);
    // 1 March 2027 + 3 business days (receipt) = 4 March; + 3 weeks = 25 March 2027, Maundy Thursday:
    // past Good Friday and Easter Monday to Tuesday 30 March.
    expect(deadline).toBe('2027-03-30');
    expect(message).toBe('Avslag er registrert og sendes søkeren skriftlig med begrunnelse. Klagefristen er 2027-03-30; saken avsluttes etter den hvis ingen klager.');
    expect(state.status).toBe('active');
    expect(state.individualDecisions).toEqual([expect.objectContaining({ id: 'application', outcome: 'rejected', reasons: 'Du har egen bolig du kan bo i.', appealDeadline: '2027-03-30' })]);
    const letter = state.unsentLetters!.at(-1)!;
    expect(letter).toMatchObject({ kind: 'decision', channel: 'post', date: start, purpose: { type: 'decision', decisionId: 'application' } });
    // The municipality's template says the rest: three weeks, where to appeal, the right to see the documents.
    const filled = fillLetter(defaultLetterTemplate('decision', 'nb'), { recipient: 'Ingrid Bakken', caseId: state.caseId, date: start, municipality: 'Tynset kommune', appealBody: 'Statsforvalteren i Innlandet' }, letter.fields);
    const text = filled.paragraphs.join('\n');
    expect(filled.title).toBe('Vedtak: Søknad om kommunal bolig');
    expect(text).toContain('Vedtak: Søknaden din om kommunal bolig er avslått.');
    expect(text).toContain('Begrunnelse: Du har egen bolig du kan bo i.');
    expect(text).toContain('Fristen er tre uker fra du fikk dette brevet. Send klagen til Tynset kommune.');
    expect(text).toContain('Statsforvalteren i Innlandet');
    expect(text).toContain('Du har rett til å se dokumentene i saken din (forvaltningsloven §§ 18 og 19).');
    // No appeal: the case closes the day after the deadline.
    expect(pendingTimers(state)[0]!.reason).toBe('Klagefristen for avslaget er ute: saken avsluttes (2027-03-31)');
    advanceTime(state, osloInstant('2027-03-30', '23:00'));
    expect(state.status).toBe('active');
    advanceTime(state, osloInstant('2027-03-31', '00:00'));
    expect(state).toMatchObject({ status: 'closed', closedReason: 'rejected' });
  });

  it('an appeal reviewed and reversed by the municipality sends the case on to allocation, with a letter', () => {
    const state = applied();
    act(state, rejection, start);
    act(state, { type: 'registerAppeal', decisionId: 'application', receivedDate: '2027-03-15', note: 'Boligen er solgt.' }, '2027-03-15');
    expect(state.tasks.map((t) => t.id)).toEqual(['appeal-application']);
    expect(pendingTimers(state).map((t) => t.reason).join(' ')).not.toContain('Klagefristen');
    expect(refusal(state, { type: 'registerAppeal', decisionId: 'application', receivedDate: '2027-03-15' }, '2027-03-15')).toBe('Klagen på dette vedtaket er allerede registrert.');
    expect(refusal(state, interview('2027-03-15'), '2027-03-15')).toBe('Kartleggingssamtale kan bare registreres før vedtak er fattet.');
    const message = act(state, { type: 'decideAppeal', decisionId: 'application', stage: 'review', outcome: 'reversed', date: '2027-03-20', reasons: 'Boligen er solgt, og søkeren står uten bolig.' }, '2027-03-20');
    expect(message).toBe('Kommunen har omgjort vedtaket etter klage. Søknaden er innvilget etter klage. Saken er klar for tildeling av bolig.');
    expect(state.phase).toBe('allocation');
    expect(state.tasks.map((t) => t.id)).toEqual(['offer-dwelling']);
    expect(state.unsentLetters!.at(-1)!.fields).toMatchObject({ subject: 'Klagen din', reasons: 'Boligen er solgt, og søkeren står uten bolig.' });
  });

  it('an appeal the municipality keeps goes to the appeal body; its confirmation closes the case', () => {
    const state = applied();
    act(state, rejection, start);
    act(state, { type: 'registerAppeal', decisionId: 'application', receivedDate: '2027-03-31' }, '2027-03-31');
    expect(state.tasks[0]!.title).toContain('Klagen kom etter fristen (forvaltningsloven § 31)');
    expect(refusal(state, { type: 'decideAppeal', decisionId: 'application', stage: 'review', outcome: 'upheld', date: '2027-04-05', reasons: 'Ingen nye opplysninger.' }, '2027-04-05')).toContain('bare klageinstansen stadfester');
    act(state, { type: 'decideAppeal', decisionId: 'application', stage: 'review', outcome: 'forwarded', date: '2027-04-05', reasons: 'Ingen nye opplysninger.' }, '2027-04-05');
    expect(state.tasks.map((t) => t.id)).toEqual(['appeal-body-application']);
    act(state, { type: 'decideAppeal', decisionId: 'application', stage: 'appeal_body', outcome: 'upheld', date: '2027-05-10', reasons: 'Statsforvalteren er enig i vurderingen.' }, '2027-05-10');
    expect(state).toMatchObject({ status: 'closed', closedReason: 'rejected' });
    expect(state.individualDecisions![0]!.appeal).toMatchObject({ review: { outcome: 'forwarded' }, final: { outcome: 'upheld' } });
  });

  it('an approval is a written decision too, and a run recorded before the correction closes a rejection at once (patch off)', () => {
    const approved = applied();
    act(approved, { type: 'recordDecision', outcome: 'approved', date: start }, start);
    expect(approved.individualDecisions![0]).toMatchObject({ outcome: 'approved', reasons: 'Søknaden er innvilget i sin helhet.' });
    expect(approved.unsentLetters).toHaveLength(1);
    const old = applied();
    old.features = { ...old.features, 'individual-decisions': false };
    act(old, { type: 'recordDecision', outcome: 'rejected', date: start }, start);
    expect(old).toMatchObject({ status: 'closed', closedReason: 'rejected' });
    expect(old.unsentLetters ?? []).toEqual([]);
  });
});

/** Boligsosial lov § 6: follow-up is not reduced or ended without a new decision. */
describe('boligsosial lov § 6: ending or reducing follow-up is an individual decision', () => {
  it('a tenant who declines follow-up gets a reasoned decision in writing; an appeal reversed restarts the visits', () => {
    const state = movedInCase();
    act(state, { type: 'declineFollowUp', date: '2027-04-01', note: 'Vil klare seg selv' }, '2027-04-01', followUpWorker);
    const d = state.individualDecisions!.find((x) => x.id === 'follow-up-ended-2027-04-01')!;
    expect(d).toMatchObject({ subject: 'follow_up_ended', outcome: 'ended', date: '2027-04-01', appealDeadline: appealDeadlineFor('2027-04-01') });
    expect(d.reasons).toContain('Du har sagt at du ikke ønsker videre oppfølging');
    expect(state.unsentLetters!.at(-1)).toMatchObject({ kind: 'decision', fields: { subject: 'Avslutning av oppfølging' } });
    act(state, { type: 'registerAppeal', decisionId: d.id, receivedDate: '2027-04-10' }, '2027-04-10');
    act(state, { type: 'decideAppeal', decisionId: d.id, stage: 'review', outcome: 'reversed', date: '2027-04-12', reasons: 'Leietaker ønsker likevel oppfølging.' }, '2027-04-12');
    expect(state.followUp).toMatchObject({ status: 'active', window: { start: '2027-04-12' } });
  });

  it('a revision that cuts visits is a decision with the evaluation\'s reasons; one that keeps them is not', () => {
    const state = movedInCase();
    const revise = (visitFrequency: { times: number; per: 'week' | 'month'; every?: number }, date: string) => {
      act(state, { type: 'requestEvaluation', reason: 'Halvårlig' }, date);
      act(state, { type: 'recordEvaluation', date, outcome: 'revised', note: 'Leietaker klarer seg godt og trenger sjeldnere besøk.' }, date, followUpWorker);
      act(state, { type: 'createAgreement', terms: { followUpWorkerId: 'ola.hansen', optionalRows: [], visitFrequency, lockedDoorWaitMinutes: 30, deviationWeeks: 2 } }, date);
      act(state, { type: 'signAgreement', party: 'tenant', date }, date);
      act(state, { type: 'signAgreement', party: 'follow_up_worker', date }, date, followUpWorker);
      act(state, { type: 'signAgreement', party: 'housing_officer', date }, date);
    };
    revise({ times: 2, per: 'month' }, '2027-09-01');
    expect(state.individualDecisions!.at(-1)).toMatchObject({
      id: 'follow-up-reduced-v2',
      outcome: 'reduced',
      decision: 'Hjemmebesøkene i oppfølgingsavtalen endres fra 1 gang pr uke til 2 ganger pr mnd fra 2027-09-01.',
      reasons: 'Leietaker klarer seg godt og trenger sjeldnere besøk.',
    });
    expect(state.unsentLetters!.at(-1)).toMatchObject({ kind: 'decision', purpose: { decisionId: 'follow-up-reduced-v2' } });
    const decisions = state.individualDecisions!.length;
    revise({ times: 1, per: 'week', every: 2 }, '2027-10-01'); // 26 a year against 24: more visits, no decision
    expect(state.individualDecisions!.length).toBe(decisions);
  });

  it('the municipality ends the follow-up only by a reasoned decision: a lapsed agreement not renewed ends this way', () => {
    const state = movedInCase();
    advanceTime(state, osloInstant('2029-11-28', '00:00'));
    act(state, { type: 'recordEvaluation', date: '2029-12-03', outcome: 'kept' }, '2029-12-03', followUpWorker);
    act(state, { type: 'decideRenewal', decision: 'renew', newLease: { signedDate: '2029-12-05' } }, '2029-12-05');
    advanceTime(state, osloInstant('2030-03-01', '00:00'));
    expect(state.tasks.map((t) => t.id)).toContain('agreement-lapsed');
    expect(PayloadSchema.safeParse({ type: 'endFollowUp', date: '2030-03-04' }).success).toBe(false);
    const message = act(state, { type: 'endFollowUp', date: '2030-03-04', reasons: 'Evalueringen viste at du klarer deg uten hjemmebesøk.' }, '2030-03-04');
    expect(message).toContain('Oppfølgingen avsluttes fra 2030-03-04 ved vedtak.');
    expect(state.followUp).toMatchObject({ status: 'ended', window: undefined });
    expect(state.tasks.map((t) => t.id)).not.toContain('agreement-lapsed');
    expect(state.individualDecisions!.at(-1)).toMatchObject({ id: 'follow-up-ended-2030-03-04', subject: 'follow_up_ended', reasons: 'Evalueringen viste at du klarer deg uten hjemmebesøk.' });
    expect(state.unsentLetters!.at(-1)).toMatchObject({ kind: 'decision', fields: { subject: 'Avslutning av oppfølging' } });
    expect(refusal(state, { type: 'endFollowUp', date: '2030-03-05', reasons: 'Igjen.' }, '2030-03-05')).toBe('Leietaker har ikke aktiv oppfølging.');
    act(state, { type: 'registerAppeal', decisionId: 'follow-up-ended-2030-03-04', receivedDate: '2030-03-10' }, '2030-03-10');
    act(state, { type: 'decideAppeal', decisionId: 'follow-up-ended-2030-03-04', stage: 'review', outcome: 'reversed', date: '2030-03-12', reasons: 'Leietaker trenger fortsatt besøk.' }, '2030-03-12');
    expect(state.followUp!.status).toBe('active');
  });
});
