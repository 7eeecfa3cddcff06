import type { PolicyOverrides } from '../schemas/policy';
import { DEFAULT_RENT_LADDER, type RentLadder } from '../rent/ladder';

/**
 * A municipality's rules for one tenancy, fixed when the case starts so a running case keeps the
 * rules it began under. Defaults follow husleieloven and Veiviseren; each can be configured.
 */
export interface TenancyPolicy {
  /** § 9-3: a time-limited lease is at least 3 years unless § 11-1 and a recorded reason allow less. */
  leaseYears: number;
  /** Renewal assessment starts this long before the lease ends (the lease turns open-ended 3 months after expiry). */
  renewalNoticeMonths: number;
  /** Seed 003: regular dialogue about moving on to ownership with a start-up loan. */
  ownershipDialogueMonths: number;
  interviewWithinWeeks: number;
  decisionWithinWeeks: number;
  offerAnswerDays: number;
  moveInTasksWithinWeeks: number;
  /** A follow-up worker handles a missed home visit within this many business days. */
  missedVisitFollowUpBusinessDays: number;
  /** Rent above this share of monthly income is flagged when a dwelling is offered. */
  maxRentShareOfIncome: number;
  /** Continue-as-new once a run's history reaches this many events. */
  historyEventsBeforeContinueAsNew: number;
  /** Seed 000, neighbour complaints: this many within the window escalate the case (to the committee). */
  complaintsBeforeEscalation: number;
  complaintWindowDays: number;
  /** The move-in checklist: the defaults below plus the municipality's own items. */
  checklistItems: ReadonlyArray<{ id: string; label: string }>;
  /** The arrears ladder version in force when the case started; cases keep it. */
  rentLadder: RentLadder;
  /** Help to rent privately: a guarantee claim above this (øre) goes to the housing committee. */
  privateRentalClaimToCommitteeOre: number;
}

/** The default move-in checklist (sjekkliste for boligen); a municipality appends its own items. */
export const DEFAULT_CHECKLIST_ITEMS: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'house-rules-understood', label: 'Husordensreglene er gjennomgått og forstått' },
  { id: 'main-water-stopcock', label: 'Hovedstoppekran for vann er vist' },
  { id: 'fire-safety', label: 'Brannsikringsutstyr (røykvarsler, slukkeutstyr, rømningsvei) er vist' },
  { id: 'keys', label: 'Nøkler er utlevert og kvittert' },
  { id: 'meter-readings', label: 'Målerstand for strøm er lest av' },
  { id: 'contents-insurance', label: 'Leietaker er informert om innboforsikring' },
];

export const DEFAULT_POLICY: TenancyPolicy = {
  leaseYears: 3,
  renewalNoticeMonths: 3,
  ownershipDialogueMonths: 12,
  interviewWithinWeeks: 2,
  decisionWithinWeeks: 3,
  offerAnswerDays: 7,
  moveInTasksWithinWeeks: 2,
  missedVisitFollowUpBusinessDays: 2,
  maxRentShareOfIncome: 0.35,
  historyEventsBeforeContinueAsNew: 4000,
  complaintsBeforeEscalation: 3,
  complaintWindowDays: 90,
  checklistItems: DEFAULT_CHECKLIST_ITEMS,
  rentLadder: DEFAULT_RENT_LADDER,
  privateRentalClaimToCommitteeOre: 2_000_000,
};

export type { PolicyOverrides } from '../schemas/policy';

export function policyWith(overrides: PolicyOverrides | undefined, rentLadder: RentLadder = DEFAULT_RENT_LADDER): TenancyPolicy {
  const { extraChecklistItems = [], ...rest } = overrides ?? {};
  return { ...DEFAULT_POLICY, ...rest, checklistItems: [...DEFAULT_CHECKLIST_ITEMS, ...extraChecklistItems], rentLadder };
}
