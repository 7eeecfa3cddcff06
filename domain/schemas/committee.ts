import { z } from 'zod';
import { CASE_ID_PATTERN } from '../ids';
import { PLAIN_EFFECTS } from './case-actions';
import { isoDate } from './common';

/** The housing committee's forms: its meeting cycle, changed and extra meetings, agenda items, minutes. */

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

const clockTime = z.string().regex(TIME_RE, 'må være et klokkeslett på formen TT:MM, for eksempel 09:00');
const reason = z.string().trim().min(1, 'må fylles ut').max(500, 'kan ha høyst 500 tegn');

export const MeetingCycleSchema = z.strictObject({
  firstDate: isoDate,
  time: clockTime,
  intervalDays: z.int('må være et helt antall dager').min(7, 'må være minst 7 dager').max(56, 'kan være høyst 56 dager').default(14),
  durationMinutes: z
    .int('må være et helt antall minutter')
    .min(15, 'må være minst 15 minutter')
    .max(480, 'kan være høyst 480 minutter (8 timer)')
    .default(90),
  location: z.string().trim().min(1, 'må fylles ut').max(200, 'kan ha høyst 200 tegn'),
});

export const OccurrenceChangeSchema = z.strictObject({
  regularDate: isoDate,
  action: z.enum(['move', 'cancel'], 'må være «move» (flytt) eller «cancel» (avlys)'),
  date: isoDate.optional(),
  time: clockTime.optional(),
  reason,
})
  .superRefine((change, ctx) => {
    if (change.action === 'move' && change.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'må fylles ut når møtet skal flyttes' });
    }
    if (change.action === 'cancel' && (change.date !== undefined || change.time !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'skal ikke fylles ut når møtet avlyses' });
    }
  });

export const ExtraMeetingSchema = z.strictObject({
  date: isoDate,
  time: clockTime,
  reason,
});

const meetingIdSchema = z.string().trim().min(3).max(60);
const itemIdSchema = z.string().trim().min(3).max(100);
const memberIdSchema = z.string().trim().min(1).max(100);

/** Every effect a case understands (`CommitteeEffect`), with the dwelling named by its ID in the register. */
export const CommitteeEffectInputSchema = z.discriminatedUnion('kind', [
  ...PLAIN_EFFECTS,
  z.strictObject({ kind: z.literal('allocate_dwelling'), dwellingId: z.string().trim().min(1).max(60) }),
]);

export const AddAgendaItemBody = z.strictObject({
  title: z.string().trim().min(3).max(200),
  why: z.string().trim().min(3).max(2000),
  caseId: z.string().regex(CASE_ID_PATTERN, 'må være et saksnummer som TYN-2026-7KX3QF').optional(),
});

export const MinutesBody = z.strictObject({
  attendance: z.array(z.strictObject({ memberId: memberIdSchema, present: z.boolean() })).min(1).max(50),
  decisions: z
    .array(
      z.strictObject({
          itemId: itemIdSchema,
          text: z.string().trim().min(3).max(4000),
          responsibleMemberId: memberIdSchema.optional(),
          deadline: isoDate.optional(),
          effect: CommitteeEffectInputSchema.optional(),
        }),
    )
    .max(100),
  approvedBy: memberIdSchema.optional(),
});

export const DecisionDoneBody = z.strictObject({ note: z.string().trim().max(2000).optional() });

export const ChangeOccurrencePayload = OccurrenceChangeSchema;
export type ChangeOccurrencePayload = z.infer<typeof OccurrenceChangeSchema>;
export const CallExtraMeetingPayload = ExtraMeetingSchema;
export type CallExtraMeetingPayload = z.infer<typeof ExtraMeetingSchema>;
/** `basis` is set by the API from the case (consent or legal basis), never by the client. */
export type AddAgendaItemPayload = z.infer<typeof AddAgendaItemBody> & { meetingId: string; basis?: string };
export type RemoveAgendaItemPayload = { meetingId: string; itemId: string };
export type RecordMinutesPayload = z.infer<typeof MinutesBody> & { meetingId: string };
export type MarkDecisionDonePayload = z.infer<typeof DecisionDoneBody> & { meetingId: string; itemId: string };

export const MeetingIdSchema = meetingIdSchema;
export const ItemIdSchema = itemIdSchema;
