/**
 * The committee's API answers as the pages read them. `GET /api/committees/{id}` and the meeting's
 * agenda are typed only loosely in the OpenAPI document, so those shapes are named here and read
 * defensively (members and decisions come from the generated types); the labels are the domain's own, so the app and the e-mailed agenda say the same.
 */
import { AGENDA_REASON_LABELS, MEMBER_ROLE_LABELS, type AgendaItem, type AgendaReason } from '../../../domain/committee/documents';
import { EFFECT_LABELS } from '../../../domain/committee/actions';
import type { paths } from '../api/schema';

export type { AgendaItem, AgendaReason };
export const REASON_LABELS: Readonly<Record<string, string>> = AGENDA_REASON_LABELS;
export const MEMBER_ROLES: Readonly<Record<string, string>> = MEMBER_ROLE_LABELS;
export const EFFECTS: Readonly<Record<string, string>> = EFFECT_LABELS;
export type EffectKind = keyof typeof EFFECT_LABELS;
export const EFFECT_KINDS = Object.keys(EFFECT_LABELS) as EffectKind[];

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** A member as the API's members route answers (web/src/api/schema.d.ts), not a hand copy. */
export type Member = Json<paths['/api/committees/{committeeId}/members']['put']['responses'][200]>['members'][number];

export interface MeetingSummary {
  id: string;
  kind: 'regular' | 'extra' | string;
  date: string;
  time: string;
  status: string;
  note?: string;
  regularDate?: string;
}

export interface CommitteeDetail {
  committee: { id: string; municipality: string; name: string; cycle: { firstDate: string; time: string; intervalDays: number; durationMinutes: number; location: string }; agendaCutoffDays: number; reminderDaysBefore: number };
  members: Member[];
  upcoming: MeetingSummary[];
  holidayConflicts: Array<{ regularDate: string; holiday: string; handled: boolean; message: string }>;
  meetings: MeetingSummary[];
  liveError?: string;
}

/** A decision as the API's decisions route answers, without the list's own `overdue` flag. */
export type DecisionRow = Omit<Json<paths['/api/committees/{committeeId}/decisions']['get']['responses'][200]>['decisions'][number], 'overdue'>;

export interface MeetingDetail extends MeetingSummary {
  location: string;
  agenda: AgendaItem[];
  minutes: { attendance: Array<{ memberId: string; present: boolean }>; recordedAt: string; recordedBy: string; approvedBy?: string } | null;
  decisions: DecisionRow[];
}

export const MEETING_STATUS: Readonly<Record<string, string>> = {
  scheduled: 'Planlagt',
  agenda_sent: 'Saksliste sendt',
  held: 'Holdt',
  cancelled: 'Avlyst',
};

/** The agenda in the committee's order of work, grouped under each reason's heading. */
export function agendaGroups(agenda: AgendaItem[]): Array<{ reason: string; label: string; items: AgendaItem[] }> {
  const order = Object.keys(AGENDA_REASON_LABELS);
  const groups = new Map<string, AgendaItem[]>();
  for (const item of agenda) groups.set(item.reason, [...(groups.get(item.reason) ?? []), item]);
  return [...groups.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([reason, items]) => ({ reason, label: REASON_LABELS[reason] ?? reason, items }));
}

/** «m-2027-05-14» or «x-2027-05-20-1300» as the page's address. */
export const meetingHref = (committeeId: string, meetingId: string) => `/boligutvalg/${committeeId}/moter/${meetingId}`;
