import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { membersAsOf, type CommitteeRow } from '../db/committee-store';
import { committeeDecisions, committeeMeetings } from '../db/schema-committee';
import { osloInstant } from '../domain/calendar';
import { EFFECT_LABELS } from '../domain/committee/actions';
import { caseLink, minutesHtml, type MeetingRecord } from '../domain/committee/documents';

/** "Tynset kommune" from the municipality code `tynset`. */
export function municipalityName(code: string): string {
  return `${code.charAt(0).toUpperCase()}${code.slice(1)} kommune`;
}

/**
 * The minutes of one meeting as a self-contained HTML page (A4 print styles), from the read model:
 * agenda and attendance from committee_meetings, decisions with their delivery to the cases from
 * committee_decisions, and the members as they were on the meeting day. Undefined when no such meeting.
 */
export async function renderMinutes(db: Database, committee: CommitteeRow, meetingId: string): Promise<{ html: string; caseIds: string[] } | undefined> {
  const [meeting] = await db
    .select()
    .from(committeeMeetings)
    .where(and(eq(committeeMeetings.committeeId, committee.id), eq(committeeMeetings.meetingId, meetingId)));
  if (!meeting) return undefined;
  const decisions = await db
    .select()
    .from(committeeDecisions)
    .where(and(eq(committeeDecisions.committeeId, committee.id), eq(committeeDecisions.meetingId, meetingId)));
  const members = await membersAsOf(db, committee.id, new Date(osloInstant(meeting.date, meeting.time)));
  const record: MeetingRecord = {
    committeeName: committee.name,
    municipalityName: municipalityName(committee.municipality),
    meetingId,
    date: meeting.date,
    time: meeting.time,
    location: committee.cycle.location,
    items: meeting.agenda,
    attendance: meeting.minutes?.attendance ?? [],
    decisions: decisions.map((d) => ({
      itemId: d.itemId,
      text: d.text,
      ...(d.responsibleMemberId ? { responsibleMemberId: d.responsibleMemberId } : {}),
      ...(d.deadline ? { deadline: d.deadline } : {}),
      ...(d.effectKind ? { caseAction: { type: d.effectKind, label: EFFECT_LABELS[d.effectKind as keyof typeof EFFECT_LABELS] ?? d.effectKind } } : {}),
      ...(d.deliveredAt ? { deliveredAt: d.deliveredAt.getTime() } : {}),
      ...(d.deliveryError ? { deliveryError: d.deliveryError } : {}),
    })),
    members,
    ...(meeting.minutes?.approvedBy ? { approvedBy: meeting.minutes.approvedBy } : {}),
    ...(meeting.minutes ? { closedAt: Date.parse(meeting.minutes.recordedAt) } : {}),
  };
  const caseIds = [...new Set(meeting.agenda.flatMap((i) => (i.caseId ? [i.caseId] : [])))];
  return { html: minutesHtml({ ...record, caseLink }), caseIds };
}
