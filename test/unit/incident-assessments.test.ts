import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import type { SituationKey } from '../../domain/agreement-template';
import { applyIncidentAction } from '../../domain/incidents/actions';
import { newIncident } from '../../domain/incidents/incident';
import { followUpWorker, incidentInput } from '../helpers/fixtures';

const housingOffice = { id: 'berit', roles: ['housing_office' as const], municipality: 'tynset' };

function incident(situation: SituationKey, assessmentsAct = true) {
  const reportedAt = osloInstant('2027-05-03', '10:00');
  return newIncident(
    incidentInput(situation, reportedAt, { description: 'Hemmelig fritekst fra rapporten.', channel: 'staff_app', reportedBy: 'ola.hansen' }),
    reportedAt,
    { businessDays: true, assessmentsAct, tenantTold: true, noFreeTextInMail: assessmentsAct },
  );
}
const assess = (s: ReturnType<typeof incident>, id: string, decision: 'yes' | 'no', actor = followUpWorker) =>
  applyIncidentAction(s, { idempotencyKey: `${id}-${decision}`, actor, payload: { type: 'recordAssessment', taskId: `${s.incidentId}-${id}`, decision, note: 'Vurdert.' } }, osloInstant('2027-05-04', '10:00'));

/** Seed 000: «Vurdere …» measures; a «yes» on one that asks for an act performs it. */
describe('a «yes» on an assessment acts', () => {
  it('«vurdere trepartssamtale» = yes calls the meeting: a meeting task for the role that assessed, due on a business day', () => {
    const s = incident('intoxicated_visitors');
    const result = assess(s, 'assess-meeting', 'yes', housingOffice);
    expect(result.message).toContain('Trepartssamtale skal kalles inn.');
    expect(s.tasks.find((t) => t.id === `${s.incidentId}-meeting`)).toMatchObject({ role: 'housing_office', meeting: true, status: 'open', dueDate: '2027-05-18' });
    expect(s.status).toBe('open');
  });

  it('«vurdere å gi beskjed til boligkontoret» = yes sends the housing office a notice without the report\'s free text', () => {
    const s = incident('drug_use');
    assess(s, 'assess-notify', 'yes');
    const sent = s.unsentNotices.filter((n) => n.key.endsWith('#assessed-notify'));
    expect(sent).toEqual([expect.objectContaining({ role: 'housing_office', subject: 'Synlig rusing eller salg av rusmidler (sak TYN-2027-AAAAAA)' })]);
    expect(sent[0]!.body).not.toContain('Hemmelig');
  });

  it('a «no» does nothing, and neither does a «yes» in an incident recorded before the correction (patch incident-assessment-acts off)', () => {
    const no = incident('drug_use');
    assess(no, 'assess-notify', 'no');
    expect(no.unsentNotices.some((n) => n.key.endsWith('#assessed-notify'))).toBe(false);
    const old = incident('intoxicated_visitors', false);
    assess(old, 'assess-meeting', 'yes', housingOffice);
    expect(old.tasks.some((t) => t.id === `${old.incidentId}-meeting`)).toBe(false);
  });
});

/** Seed 000, «Naboklager»: the tenant is told about each complaint. */
describe('neighbour complaints: the tenant is told about each one', () => {
  it('gives the housing office a task to tell the tenant in writing, without naming the complainant', () => {
    const s = incident('neighbour_complaints');
    expect(s.tasks.map((t) => `${t.id.slice(s.incidentId.length + 1)}:${t.role}`)).toEqual(['tell-tenant:housing_office', 'meeting:housing_office', 'assess-measures:housing_office']);
    expect(s.tasks[0]!.title).toContain('uten å oppgi hvem som klaget');
  });
});

/** Issue 11, personal data: free text from incident reports does not go into mails. */
describe('incident notices carry categories, not the report\'s free text', () => {
  it.each(['threats_or_weapons', 'neighbour_complaints', 'declines_follow_up'] as const)('%s', (situation) => {
    const s = incident(situation);
    expect(s.unsentNotices.length).toBeGreaterThan(0);
    for (const n of s.unsentNotices) {
      expect(n.body).not.toContain('Hemmelig');
      expect(n.body).toContain('Detaljene står i saken i Botrygg.');
    }
  });

  it('keeps the old text in an incident recorded before the correction (patch incident-notices-without-free-text off)', () => {
    expect(incident('threats_or_weapons', false).unsentNotices[0]!.body).toContain('Hemmelig fritekst');
  });
});
