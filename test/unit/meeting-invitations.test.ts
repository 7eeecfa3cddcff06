import { describe, expect, it } from 'vitest';
import { osloInstant, osloTime } from '../../domain/calendar';
import { applyIncidentAction, rejectIncidentAction } from '../../domain/incidents/actions';
import { newIncident } from '../../domain/incidents/incident';
import { meetingTimeText, recordInvitationOutcome } from '../../domain/incidents/meeting-invitations';
import { fillLetter } from '../../domain/letters/fill';
import { defaultLetterTemplate } from '../../domain/letters/templates';
import { incidentInput } from '../helpers/fixtures';

const housingOffice = { id: 'berit', roles: ['housing_office' as const], municipality: 'tynset' };

/** An incident whose meeting task is open: «vurdere trepartssamtale» answered yes. */
function withMeetingTask(meetingInvitations = true) {
  const reportedAt = osloInstant('2027-05-03', '10:00');
  const s = newIncident(incidentInput('intoxicated_visitors', reportedAt, { description: 'Hemmelig fritekst fra rapporten.' }), reportedAt, { businessDays: true, assessmentsAct: true, tenantTold: true, noFreeTextInMail: true, meetingInvitations });
  applyIncidentAction(s, { idempotencyKey: 'yes', actor: housingOffice, payload: { type: 'recordAssessment', taskId: `${s.incidentId}-assess-meeting`, decision: 'yes', note: 'Vurdert.' } }, osloInstant('2027-05-04', '10:00'));
  return s;
}
const propose = (s: ReturnType<typeof withMeetingTask>, participants: Array<'tenant' | 'follow_up_worker' | 'housing_service' | 'nav'>, proposedTimes = ['2027-05-12T09:00:00+02:00']) =>
  ({ idempotencyKey: `p-${participants.join()}-${proposedTimes.join()}`, actor: housingOffice, payload: { type: 'proposeMeeting' as const, taskId: `${s.incidentId}-meeting`, proposedTimes, participants } });

/** Issue 11: three-party meetings invite their participants (the tenant always; NAV optional) through the outbox, with the time. */
describe('three-party meetings invite their participants through the outbox, with the time', () => {
  it('formats the time in Oslo, summer and winter', () => {
    expect(meetingTimeText('2027-05-12T07:00:00Z')).toBe('12. mai 2027 kl. 09:00');
    expect(meetingTimeText('2026-12-10T09:00:00+01:00')).toBe('10. desember 2026 kl. 09:00');
    expect(osloTime(osloInstant('2027-03-28', '03:30'))).toBe('03:30');
  });

  it('invites the tenant and each chosen participant, with the time and no names or incident details', () => {
    const s = withMeetingTask();
    const result = applyIncidentAction(s, propose(s, ['tenant', 'follow_up_worker', 'housing_service', 'nav']), osloInstant('2027-05-05', '10:00'));
    expect(result.message).toBe('Trepartssamtale foreslått (1 tidspunkt). Innkalling sendes til 4 deltakere.');
    const invitations = s.unsentInvitations!;
    expect(invitations.map((i) => i.to)).toEqual(['tenant', 'follow_up_worker', 'housing_service', 'nav']);
    const tenant = invitations[0]!;
    expect(tenant.subject).toBe('Invitasjon til møte om boligen din');
    expect(tenant.body).toContain('Du er invitert til et møte med kommunen og NAV om boligen din og oppfølgingen.');
    expect(tenant.body).toContain('Tidspunkt: 12. mai 2027 kl. 09:00.');
    const nav = invitations[3]!;
    expect(nav.subject).toBe('Innkalling til trepartssamtale (sak TYN-2027-AAAAAA)');
    expect(nav.body).toContain('Deltakere: leietaker, oppfølger, boligtjenesten, NAV.');
    for (const i of invitations) {
      expect(i.body).not.toContain('Hemmelig');
      expect(i.body).not.toContain('Ingrid');
    }
    // A new proposal invites again under new keys (the outbox dedups each key once).
    applyIncidentAction(s, propose(s, ['tenant', 'follow_up_worker', 'housing_service'], ['2027-05-19T13:00:00+02:00', '2027-05-20T09:00:00+02:00']), osloInstant('2027-05-06', '10:00'));
    const second = s.unsentInvitations!.slice(4);
    expect(second.map((i) => i.key.split('#').slice(-2).join('#'))).toEqual(['2#tenant', '2#follow_up_worker', '2#housing_service']);
    expect(second[0]!.body).toContain('Tidspunkt: ett av disse tidspunktene: 19. mai 2027 kl. 13:00; 20. mai 2027 kl. 09:00.');
    expect(second[0]!.body).toContain('møte med kommunen om boligen');
  });

  it('the tenant is always invited: a meeting without the tenant is refused', () => {
    const s = withMeetingTask();
    expect(rejectIncidentAction(s, propose(s, ['follow_up_worker', 'housing_service', 'nav']))).toBe('Leietaker skal alltid inviteres til trepartssamtalen.');
  });

  it('a tenant without e-mail gets the invitation by post: a task for the housing office, with the letter template that exists for it', () => {
    const s = withMeetingTask();
    applyIncidentAction(s, propose(s, ['tenant', 'follow_up_worker', 'housing_service']), osloInstant('2027-05-05', '10:00'));
    const tenant = s.unsentInvitations![0]!;
    recordInvitationOutcome(s, tenant, 'no_recipient', osloInstant('2027-05-05', '10:01'));
    const task = s.tasks.find((t) => t.id === `${s.incidentId}-meeting-letter-1`)!;
    // The next business day: 6 May 2027 is Ascension Day.
    expect(task).toMatchObject({ role: 'housing_office', status: 'open', dueDate: '2027-05-07' });
    expect(task.title).toContain('brevmal «Innkalling til trepartsmøte»');
    const letter = fillLetter(defaultLetterTemplate('three_party_meeting', 'nb'), { recipient: 'Ingrid Bakken', caseId: s.caseId, date: '2027-05-05', municipality: 'Tynset kommune', appealBody: 'Statsforvalteren' }, { meetingDate: '2027-05-12', meetingTime: '09:00', location: 'Tynset rådhus', purpose: 'Oppfølgingen.' });
    expect(letter.paragraphs[1]).toBe('Vi inviterer deg til et møte med kommunen og NAV den 12. mai 2027 klokka 09:00, Tynset rådhus.');
    recordInvitationOutcome(s, s.unsentInvitations![1]!, 'sent', osloInstant('2027-05-05', '10:01'));
    expect(s.steps.at(-1)!.text).toBe('Innkalling til trepartssamtale til oppfølger: sendt.');
    // Once the meeting is held, the invitation still to be posted is moot.
    applyIncidentAction(s, { idempotencyKey: 'held', actor: housingOffice, payload: { type: 'recordMeetingOutcome', taskId: `${s.incidentId}-meeting`, outcome: 'kept', note: 'Holdt.' } }, osloInstant('2027-05-12', '11:00'));
    expect(s.tasks.find((t) => t.id === `${s.incidentId}-meeting-letter-1`)!.status).toBe('done');
  });

  it('an incident recorded before the change invites nobody (patch incident-meeting-invitations off)', () => {
    const s = withMeetingTask(false);
    applyIncidentAction(s, propose(s, ['tenant', 'follow_up_worker', 'housing_service']), osloInstant('2027-05-05', '10:00'));
    expect(s.unsentInvitations ?? []).toEqual([]);
  });
});
