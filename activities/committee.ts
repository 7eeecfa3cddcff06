import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { and, eq, sql } from 'drizzle-orm';
import { findDwelling } from '../db/dwelling-store';
import type { Database } from '../db/client';
import { membersAsOf } from '../db/committee-store';
import { tenancies } from '../db/schema';
import { committeeDecisions, committeeMeetings } from '../db/schema-committee';
import type { NotificationAttachment } from '../db/schema-notifications';
import { osloInstant, type IsoDate } from '../domain/calendar';
import { buildAgenda, type AgendaContext } from '../domain/committee/agenda';
import { privateRentals } from '../db/schema-private-rental';
import type { PrivateRentalView } from '../domain/private-rental/timers';
import { itemCount, meetingLink, norwegianDate, type AgendaItem, type Member } from '../domain/committee/documents';
import { meetingInvitation } from '../domain/committee/ics';
import type { CommitteeEffectInput, DecisionRow, MeetingRow } from '../domain/committee/state';
import { tenancyWorkflowId } from '../domain/ids';
import type { CommitteeEffect } from '../domain/tenancy/phase-committee';
import type { TenancyView } from '../domain/tenancy/view';
import type { Mailer } from '../platform/mailer';
import { caseActionUpdate } from '../workflows/messages';
import { createNotificationActivities, INVALID_RECIPIENT } from './notifications';

export interface BuildAgendaInput {
  municipality: string;
  context: AgendaContext;
}

export interface SendAgendaInput {
  workflowId: string;
  committeeId: string;
  committeeName: string;
  location: string;
  meeting: { id: string; date: IsoDate; time: string; startsAt: number; endsAt: number; note?: string };
  /** agenda: the invitation; final: the agenda changed at the cut-off; update: moved; cancel: cancelled. */
  kind: 'agenda' | 'final' | 'update' | 'cancel';
  sequence: number;
  /** What the members' calendars hold now, for an update or cancellation. */
  previous?: { date: IsoDate; time: string };
  items: AgendaItem[];
  /** The members on the committee at this instant receive it; also the invitation's DTSTAMP. */
  at: number;
}

export interface SendResult {
  members: Member[];
  sent: number;
  /** Waiting in the outbox (no SMTP configured): the sweep sends them. */
  queued: number;
  /** Members whose address can never work. */
  failed: string[];
}

export interface DeliverDecisionInput {
  committeeId: string;
  municipality: string;
  meetingId: string;
  itemId: string;
  caseId: string;
  date: IsoDate;
  text: string;
  responsible?: string;
  deadline?: IsoDate;
  effect: CommitteeEffectInput;
}

export type DeliveryOutcome = { status: 'delivered'; message: string } | { status: 'rejected'; error: string };

const ICS_FILENAME = 'boligutvalg.ics';

/** What a mail says about the agenda: the number of items and the link to read them in Botrygg. */
function agendaPointer(committeeId: string, meetingId: string, items: number): string {
  const count = items === 0 ? 'Sakslisten har ingen saker.' : `Sakslisten har ${itemCount(items)}.`;
  return `${count} Les den i Botrygg (krever innlogging):\n${meetingLink(committeeId, meetingId)}`;
}

/** The committee's I/O: members as of a time, the agenda from live cases, invitations, minutes, decisions to cases. */
export function createCommitteeActivities({ db, temporal, mailer, mailFrom }: { db: Database; temporal: Client; mailer?: Mailer; mailFrom?: string }) {
  const outbox = createNotificationActivities({ db, mailer, from: mailFrom });

  /** Queues one message per member under its own dedup key, then sends it: a retry never sends twice. */
  async function sendToMembers(
    members: Member[],
    key: (m: Member) => string,
    message: { subject: string; body: string; attachments?: NotificationAttachment[] },
  ): Promise<Omit<SendResult, 'members'>> {
    const result = { sent: 0, queued: 0, failed: [] as string[] };
    for (const m of members) {
      const dedupKey = key(m);
      await outbox.enqueueNotification({
        dedupKey,
        recipientEmail: m.email,
        recipientName: m.name,
        subject: message.subject,
        bodyText: `Hei ${m.name},\n\n${message.body}\n\nVennlig hilsen\nBotrygg for boligutvalget`,
        attachments: message.attachments ?? [],
      });
      if (!mailer) {
        result.queued++;
        continue;
      }
      try {
        await outbox.sendNotification({ dedupKey });
        result.sent++;
      } catch (err) {
        // One wrong address must not keep the other members from their invitation.
        if (err instanceof ApplicationFailure && err.type === INVALID_RECIPIENT) result.failed.push(m.id);
        else throw err;
      }
    }
    return result;
  }

  const when = (date: IsoDate, time: string) => `${norwegianDate(date)} kl. ${time}`;

  return {
    /**
     * The agenda items the live cases of the municipality call for (the tenancies read model). Only a
     * read: the workflow keeps them with the secretary's items and writes the meeting row itself.
     */
    async buildMeetingAgenda({ municipality, context }: BuildAgendaInput): Promise<AgendaItem[]> {
      const rows = await db
        .select({ snapshot: tenancies.snapshot })
        .from(tenancies)
        .where(and(eq(tenancies.municipality, municipality), eq(tenancies.status, 'active')));
      const cases = rows.map((r) => r.snapshot as TenancyView).filter((v) => typeof v === 'object' && v !== null && typeof v.caseId === 'string');
      const referrals = await db
        .select({ snapshot: privateRentals.snapshot })
        .from(privateRentals)
        .where(and(eq(privateRentals.municipality, municipality), eq(privateRentals.status, 'active')));
      return buildAgenda(cases, context, referrals.map((r) => r.snapshot as PrivateRentalView));
    },

    /**
     * The agenda e-mail with the calendar invitation to every current member; also the updated
     * invitation of a moved meeting and the cancellation (same UID, higher SEQUENCE).
     */
    async sendAgenda(input: SendAgendaInput): Promise<SendResult> {
      const members = await membersAsOf(db, input.committeeId, new Date(input.at));
      if (members.length === 0) return { members, sent: 0, queued: 0, failed: [] };
      const { meeting, committeeName, location } = input;
      const cancel = input.kind === 'cancel';
      // Mail leaves Botrygg and sits in inboxes and on phones: it says how many items and where to read
      // them behind login, never a name, an incident or the secretary's free text (the reason for a move).
      const agenda = agendaPointer(input.committeeId, meeting.id, input.items.length);
      const previous = input.previous;
      const duration = meeting.endsAt - meeting.startsAt;
      // A cancellation names the slot the calendars hold, which may differ from where the cycle put it.
      const startsAt = cancel && previous ? osloInstant(previous.date, previous.time) : meeting.startsAt;
      const organizer = members.find((m) => m.role === 'secretary') ?? members.find((m) => m.role === 'chair') ?? members[0]!;
      const ics =
        input.kind === 'final'
          ? undefined
          : meetingInvitation({
              uid: `${meeting.id}.${input.committeeId}@botrygg`,
              sequence: input.sequence,
              method: cancel ? 'CANCEL' : 'REQUEST',
              summary: `Møte i ${committeeName}`,
              // Names stay out of calendars, which are often shared; the agenda is in the e-mail and in Botrygg.
              description: `Sakslisten (${itemCount(input.items.length)}) ligger i Botrygg: ${meetingLink(input.committeeId, meeting.id)} (krever innlogging). Møte-ID: ${meeting.id}.`,
              location,
              startsAt,
              endsAt: startsAt + duration,
              stampAt: input.at,
              organizer: { name: organizer.name, email: organizer.email },
              attendees: members.map((m) => ({ name: m.name, email: m.email })),
            });
      const attachments = ics ? [{ filename: ICS_FILENAME, contentType: `text/calendar; method=${cancel ? 'CANCEL' : 'REQUEST'}; charset=UTF-8`, content: ics }] : [];
      let subject: string;
      let body: string;
      let segment: string;
      switch (input.kind) {
        case 'agenda':
          segment = 'agenda';
          subject = `Saksliste: ${committeeName} ${when(meeting.date, meeting.time)}`;
          body = `Her er sakslisten til møtet i ${committeeName} ${when(meeting.date, meeting.time)}, ${location}. Kalenderinvitasjonen er vedlagt.\n\n${agenda}`;
          break;
        case 'final':
          segment = 'agenda-final';
          subject = `Endelig saksliste: ${committeeName} ${when(meeting.date, meeting.time)}`;
          body = `Sakslisten til møtet i ${committeeName} ${when(meeting.date, meeting.time)} er endret siden den ble sendt ut. Den endelige sakslisten ligger i Botrygg.\n\n${agenda}`;
          break;
        case 'update':
          segment = `update-${input.sequence}`;
          subject = `Møtet er flyttet: ${committeeName} ${when(meeting.date, meeting.time)}`;
          body = `${previous ? `Møtet i ${committeeName} ${when(previous.date, previous.time)} er flyttet til ${when(meeting.date, meeting.time)}.` : `Møtet i ${committeeName} holdes ${when(meeting.date, meeting.time)}.`} Den oppdaterte kalenderinvitasjonen er vedlagt.\n\n${agenda}`;
          break;
        case 'cancel':
          segment = `cancel-${input.sequence}`;
          subject = `Avlyst: ${committeeName} ${when(previous?.date ?? meeting.date, previous?.time ?? meeting.time)}`;
          body = `Møtet i ${committeeName} ${when(previous?.date ?? meeting.date, previous?.time ?? meeting.time)} er avlyst. Avlysningen er vedlagt, så møtet forsvinner fra kalenderen.`;
          break;
      }
      const result = await sendToMembers(members, (m) => `${input.workflowId}#${meeting.id}#${segment}#${m.id}`, { subject, body, attachments });
      return { members, ...result };
    },

    /**
     * Asks the secretary (the chair when the committee has none) to move a regular meeting off a public
     * holiday, weeks before any invitation would go out: nobody is invited to the holiday itself.
     */
    async askToMoveHolidayMeeting(input: {
      workflowId: string;
      committeeId: string;
      committeeName: string;
      meeting: { id: string; date: IsoDate; time: string };
      holiday: string;
      at: number;
    }): Promise<{ sent: number; queued: number; failed: string[] }> {
      const members = await membersAsOf(db, input.committeeId, new Date(input.at));
      const secretaries = members.filter((m) => m.role === 'secretary');
      const recipients = secretaries.length ? secretaries : members.filter((m) => m.role === 'chair').slice(0, 1);
      const { meeting, committeeName } = input;
      return sendToMembers(recipients, (m) => `${input.workflowId}#${meeting.id}#holiday#${m.id}`, {
        subject: `Flytt møtet: ${committeeName} ${norwegianDate(meeting.date)} er ${input.holiday.toLowerCase()}`,
        body:
          `Det faste møtet i ${committeeName} ${when(meeting.date, meeting.time)} faller på ${input.holiday.toLowerCase()}, og blir ikke holdt den dagen. ` +
          `Medlemmene får ingen innkalling til helligdagen.\n\nFlytt eller avlys møtet i Botrygg (krever innlogging), så går innkallingen ut som vanlig før den nye dagen:\n` +
          `${meetingLink(input.committeeId, meeting.id)}`,
      });
    },

    /** The reminder on the meeting day, 07:00, to every current member. */
    async sendDayOfReminder(input: Omit<SendAgendaInput, 'kind' | 'sequence' | 'previous'>): Promise<SendResult> {
      const members = await membersAsOf(db, input.committeeId, new Date(input.at));
      const { meeting, committeeName, location } = input;
      const result = await sendToMembers(members, (m) => `${input.workflowId}#${meeting.id}#dayof#${m.id}`, {
        subject: `I dag: ${committeeName} kl. ${meeting.time}`,
        body: `Påminnelse: ${committeeName} har møte i dag, ${when(meeting.date, meeting.time)}, ${location}.\n\n${agendaPointer(input.committeeId, meeting.id, input.items.length)}`,
      });
      return { members, ...result };
    },

    /** Meetings as the workflow holds them: agenda, status, minutes. Upserts, so a retry changes nothing. */
    async saveCommitteeMeetings({ committeeId, meetings }: { committeeId: string; meetings: MeetingRow[] }): Promise<void> {
      if (meetings.length === 0) return;
      await db
        .insert(committeeMeetings)
        .values(meetings.map((m) => ({ committeeId, meetingId: m.meetingId, kind: m.kind, date: m.date, time: m.time, status: m.status, note: m.note, agenda: m.agenda, minutes: m.minutes, updatedAt: new Date() })))
        .onConflictDoUpdate({
          target: [committeeMeetings.committeeId, committeeMeetings.meetingId],
          set: {
            kind: sql`excluded.kind`,
            date: sql`excluded.date`,
            time: sql`excluded.time`,
            status: sql`excluded.status`,
            note: sql`excluded.note`,
            agenda: sql`excluded.agenda`,
            minutes: sql`excluded.minutes`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    },

    /** The decisions in the minutes, with delivery to the case and whether they are done. */
    async saveCommitteeDecisions({ committeeId, decisions }: { committeeId: string; decisions: DecisionRow[] }): Promise<void> {
      if (decisions.length === 0) return;
      const ts = (ms: number | null) => (ms === null ? null : new Date(ms));
      await db
        .insert(committeeDecisions)
        .values(decisions.map((d) => ({ committeeId, ...d, deliveredAt: ts(d.deliveredAt), doneAt: ts(d.doneAt), updatedAt: new Date() })))
        .onConflictDoUpdate({
          target: [committeeDecisions.committeeId, committeeDecisions.meetingId, committeeDecisions.itemId],
          set: {
            caseId: sql`excluded.case_id`,
            text: sql`excluded.text`,
            responsibleMemberId: sql`excluded.responsible_member_id`,
            deadline: sql`excluded.deadline`,
            effectKind: sql`excluded.effect_kind`,
            deliveredAt: sql`excluded.delivered_at`,
            deliveryError: sql`excluded.delivery_error`,
            doneAt: sql`excluded.done_at`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    },

    /**
     * Delivers one decision to its case as the action `applyCommitteeDecision`, keyed by committee,
     * meeting and item (also as the update ID), so a redelivery returns the first answer. The case's
     * refusal is an answer, returned in its own plain Norwegian; anything else is thrown and retried.
     */
    async deliverCommitteeDecision(input: DeliverDecisionInput): Promise<DeliveryOutcome> {
      // Need-to-know: a committee decides on its own municipality's cases only.
      const [tenancy] = await db.select({ municipality: tenancies.municipality }).from(tenancies).where(eq(tenancies.caseId, input.caseId));
      if (!tenancy) return { status: 'rejected', error: `Fant ikke sak ${input.caseId}.` };
      if (tenancy.municipality !== input.municipality) return { status: 'rejected', error: `Sak ${input.caseId} tilhører en annen kommune enn boligutvalget.` };
      let effect: CommitteeEffect;
      if (input.effect.kind === 'allocate_dwelling') {
        const dwelling = await findDwelling(db, input.municipality, input.effect.dwellingId);
        if (!dwelling) return { status: 'rejected', error: `Fant ikke bolig ${input.effect.dwellingId} i boligregisteret.` };
        effect = { kind: 'allocate_dwelling', dwelling };
      } else {
        effect = input.effect;
      }
      const key = `committee:${input.committeeId}:${input.meetingId}:${input.itemId}`;
      try {
        const result = await temporal.workflow.getHandle(tenancyWorkflowId(input.caseId)).executeUpdate(caseActionUpdate, {
          args: [
            {
              idempotencyKey: key,
              actor: { id: `boligutvalget:${input.committeeId}`, roles: ['committee_member'], municipality: input.municipality },
              payload: {
                type: 'applyCommitteeDecision',
                meetingId: input.meetingId,
                itemId: input.itemId,
                date: input.date,
                text: input.text,
                ...(input.responsible ? { responsible: input.responsible.slice(0, 200) } : {}),
                ...(input.deadline ? { deadline: input.deadline } : {}),
                effect,
              },
            },
          ],
          updateId: key,
        });
        return { status: 'delivered', message: result.message };
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) return { status: 'rejected', error: err.cause?.message ?? err.message };
        if (err instanceof WorkflowNotFoundError) return { status: 'rejected', error: 'Saken er avsluttet eller finnes ikke, så beslutningen kunne ikke føres i den.' };
        throw err;
      }
    },
  };
}
