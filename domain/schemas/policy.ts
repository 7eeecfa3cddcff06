import { z } from 'zod';

/** What a municipality may set; everything it leaves out keeps the default. */
export const PolicyOverrides = z
  .object({
    leaseYears: z.int().min(1).max(10),
    renewalNoticeMonths: z.int().min(1).max(12),
    ownershipDialogueMonths: z.int().min(1).max(36),
    interviewWithinWeeks: z.int().min(1).max(12),
    decisionWithinWeeks: z.int().min(1).max(12),
    offerAnswerDays: z.int().min(1).max(60),
    moveInTasksWithinWeeks: z.int().min(1).max(12),
    missedVisitFollowUpBusinessDays: z.int().min(1).max(20),
    maxRentShareOfIncome: z.number().min(0.1).max(1),
    complaintsBeforeEscalation: z.int().min(2).max(20),
    complaintWindowDays: z.int().min(7).max(730),
    /** Help to rent privately: a guarantee claim above this many øre goes to the housing committee. */
    privateRentalClaimToCommitteeOre: z.int().min(0).max(100_000_000),
    /** Appended to the default checklist. */
    extraChecklistItems: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{2,60}$/, 'må være små bokstaver, tall og bindestrek'), label: z.string().trim().min(3).max(200) })).max(30),
  })
  .partial()
  // After .partial(): zod 4's partial() drops a strictObject's refusal of unknown fields.
  .strict();

export type PolicyOverrides = z.infer<typeof PolicyOverrides>;
