import { z } from 'zod';
import { SITUATION_KEYS } from '../agreement-template';
import { isoDateTime } from './common';

export const IncidentReport = z.strictObject({
  situation: z.enum(SITUATION_KEYS),
  description: z.string().trim().min(3).max(4000),
  channel: z.enum(['staff_app', 'neighbour_form', 'phone', 'housing_office']),
  /** When it happened; for a locked door, the time of the agreed visit. */
  occurredAt: isoDateTime,
  /** Untidy home: the dwelling is damaged (reported to the housing office at once). */
  damage: z.boolean().optional(),
  /** Intoxicated visitors: others are staying in the flat over time. */
  othersStaying: z.boolean().optional(),
  /** Neighbour complaints: who complains (kept from the tenant's view). */
  complainant: z.string().trim().max(200).optional(),
});

export type IncidentReport = z.infer<typeof IncidentReport>;

/** Staff actions on an incident: measures done, assessments decided, steps logged, meetings held. */
export const IncidentActionPayload = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('completeMeasure'), taskId: z.string().min(1).max(120), note: z.string().trim().min(3).max(4000) }),
  z.strictObject({ type: z.literal('recordAssessment'), taskId: z.string().min(1).max(120), decision: z.enum(['yes', 'no']), note: z.string().trim().min(3).max(4000) }),
  z.strictObject({ type: z.literal('recordStep'), text: z.string().trim().min(3).max(2000) }),
  z.strictObject({ type: z.literal('resolve'), note: z.string().trim().min(3).max(4000) }),
  z.strictObject({
    type: z.literal('proposeMeeting'),
    taskId: z.string().min(1).max(120),
    proposedTimes: z.array(isoDateTime).min(1).max(5),
    participants: z.array(z.enum(['tenant', 'follow_up_worker', 'housing_service', 'nav'])).min(3).max(4),
  }),
  z.strictObject({ type: z.literal('recordMeetingOutcome'), taskId: z.string().min(1).max(120), outcome: z.enum(['kept', 'revised', 'other_measures']), note: z.string().trim().min(3).max(4000) }),
  z.strictObject({ type: z.literal('withdraw'), reason: z.string().trim().min(3).max(1000) }),
]);

export type IncidentActionPayload = z.infer<typeof IncidentActionPayload>;
