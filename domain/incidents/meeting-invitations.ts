import { addBusinessDays, osloDate, osloTime } from '../calendar';
import { formatLetterDate } from '../letters/fill';
import type { IncidentState, Invitation, MeetingParticipant, ThreePartyMeeting } from './incident';
import { addIncidentEvent } from './incident';

/**
 * Issue 11: three-party meetings invite their participants through the outbox, with the time: the
 * tenant always, the follow-up worker and the housing service, NAV when chosen. The mails carry the
 * times and the case ID, never names or what the incident was about (README: no free text in mails).
 * A tenant without an e-mail address gets the invitation by post: a task for the housing office,
 * with the letter template «Innkalling til trepartsmøte» (patched 'incident-meeting-invitations').
 */

/** «10. desember 2026 kl. 09:00», Oslo time. */
export function meetingTimeText(isoDateTime: string): string {
  const at = Date.parse(isoDateTime);
  return `${formatLetterDate(osloDate(at))} kl. ${osloTime(at)}`;
}

const LABELS: Record<MeetingParticipant, string> = { tenant: 'leietaker', follow_up_worker: 'oppfølger', housing_service: 'boligtjenesten', nav: 'NAV' };

export function queueInvitations(s: IncidentState, meeting: ThreePartyMeeting): void {
  const times = meeting.proposedTimes.map(meetingTimeText);
  const when = times.length === 1 ? times[0]! : `ett av disse tidspunktene: ${times.join('; ')}`;
  const who = meeting.participants.map((p) => LABELS[p]).join(', ');
  const withNav = meeting.participants.includes('nav');
  const invitations: Invitation[] = meeting.participants.map((to) => ({
    key: `${s.incidentId}#meeting#${meeting.taskId}#${meeting.proposal ?? 1}#${to}`,
    to,
    subject: to === 'tenant' ? 'Invitasjon til møte om boligen din' : `Innkalling til trepartssamtale (sak ${s.caseId})`,
    body:
      to === 'tenant'
        ? [
            `Du er invitert til et møte med kommunen${withNav ? ' og NAV' : ''} om boligen din og oppfølgingen.`,
            `Tidspunkt: ${when}.`,
            'Du kan ta med deg en du stoler på. Passer ikke tidspunktet, ta kontakt med oss, så finner vi et nytt.',
          ].join('\n\n')
        : [`Trepartssamtale i sak ${s.caseId}.`, `Tidspunkt: ${when}.`, `Deltakere: ${who}.`].join('\n\n'),
  }));
  (s.unsentInvitations ??= []).push(...invitations);
  s.version++;
}

/** What became of an invitation: a line in the step log, and a task to post it when the tenant has no e-mail. */
export function recordInvitationOutcome(s: IncidentState, inv: Invitation, status: 'sent' | 'queued' | 'no_recipient', now: number): void {
  const labels = { sent: 'sendt', queued: 'lagt i utboksen', no_recipient: 'ikke sendt: ingen e-postadresse er registrert' } as const;
  s.steps.push({ at: now, byId: 'botrygg', text: `Innkalling til trepartssamtale til ${LABELS[inv.to]}: ${labels[status]}.` });
  s.version++;
  if (status !== 'no_recipient' || inv.to !== 'tenant') return;
  const [, , taskId, proposal] = inv.key.split('#');
  const id = `${s.incidentId}-meeting-letter-${proposal}`;
  if (s.tasks.some((t) => t.id === id)) return;
  s.tasks.push({
    id,
    title: `Send innkallingen til trepartssamtalen til leietaker i posten (brevmal «Innkalling til trepartsmøte»): leietaker har ingen e-postadresse`,
    role: 'housing_office',
    assessment: false,
    dueDate: addBusinessDays(osloDate(now), 1),
    status: 'open',
  });
  addIncidentEvent(s, now, { kind: 'meeting_invitation_by_post', summary: 'Leietaker har ingen e-postadresse: innkallingen må sendes i posten.', data: { taskId } });
}
