import { z } from 'zod';
import { isoDate } from './common';

/**
 * Staff actions on a private-rental case (seed 004, «Bidra til leie av privat bolig») as the API
 * accepts them. The shape is checked here; whether the action is allowed now is the workflow's
 * update validator's business (`rejectPrivateRentalAction` in domain/private-rental/actions.ts).
 */

const text = (max = 2000) => z.string().trim().min(2).max(max);
const ore = z.int().min(0).max(100_000_000);
const positiveOre = z.int().min(1).max(100_000_000);

export const HOUSING_CHALLENGES = ['economy', 'rent_arrears_before', 'evicted_before', 'substance_use', 'mental_health', 'no_references', 'large_household', 'other'] as const;
export const MEETING_PARTICIPANTS = ['applicant', 'caseworker', 'procuring_unit', 'drug_counsellor', 'responsibility_group', 'support_person', 'next_of_kin', 'other'] as const;
export const STANDARD_LEASES = ['leieboerforeningen', 'forbrukerradet', 'huseiernes_landsforbund'] as const;
export const CLOSING_OUTCOMES = ['new_private_lease', 'own_home', 'municipal_dwelling', 'other'] as const;

/** Phase 1 (kartlegging): needs, what support was explained, the planning meeting and its plan, a trygghetsplan. */
const mappingPayloads = [
  z.strictObject({
    type: z.literal('recordMapping'),
    date: isoDate,
    challenges: z.array(z.enum(HOUSING_CHALLENGES)).max(HOUSING_CHALLENGES.length),
    followUpNeeded: z.boolean(),
    /** The applicant was told what support the municipality can give, and what they must do themselves. */
    supportExplained: z.literal(true, { error: 'Søkeren må ha fått vite hvilken støtte kommunen kan gi' }),
    ownResponsibilities: text(),
  }),
  z.strictObject({
    type: z.literal('holdPlanningMeeting'),
    date: isoDate,
    participants: z.array(z.enum(MEETING_PARTICIPANTS)).min(2).max(MEETING_PARTICIPANTS.length),
    plan: z.strictObject({
      searchers: z.array(z.enum(['applicant', 'procuring_unit', 'support_person'])).min(1).max(3),
      /** The rent the household can carry, from income and bostøtte. */
      maxMonthlyRentOre: positiveOre,
      area: text(200),
      minRooms: z.int().min(1).max(10),
      deadline: isoDate,
    }),
  }),
  z.strictObject({
    type: z.literal('agreeSafetyPlan'),
    date: isoDate,
    measures: z.array(z.strictObject({ measure: text(500), responsible: z.enum(['housing_officer', 'follow_up_worker', 'nav', 'tenant']) })).min(1).max(20),
    /** How often the municipality contacts the tenant after move-in, in weeks. */
    contactEveryWeeks: z.int().min(1).max(52),
    followUpWorkerId: z.string().trim().min(1).max(100).optional(),
  }),
] as const;

/** Phase 2 (finne bolig og visning): candidates, viewings, landlord contacts, plan revisions. */
const findingPayloads = [
  z.strictObject({
    type: z.literal('addCandidate'),
    source: z.enum(['ad', 'partner_landlord', 'other']),
    landlordName: text(200),
    address: text(200),
    monthlyRentOre: positiveOre,
    sizeSqm: z.int().min(5).max(1000),
    rooms: z.int().min(1).max(20),
  }),
  z.strictObject({
    type: z.literal('recordViewing'),
    candidate: z.int().min(1).max(1000),
    date: isoDate,
    attendees: z.array(z.enum(MEETING_PARTICIPANTS)).min(1).max(MEETING_PARTICIPANTS.length),
    outcome: z.enum(['interested', 'not_suitable', 'declined_by_landlord', 'declined_by_applicant']),
  }),
  z.strictObject({ type: z.literal('logLandlordContact'), candidate: z.int().min(1).max(1000), date: isoDate, channel: z.enum(['phone', 'email', 'meeting']) }),
  z.strictObject({
    type: z.literal('revisePlan'),
    deadline: isoDate,
    maxMonthlyRentOre: positiveOre.optional(),
    area: text(200).optional(),
    reason: text(),
  }),
  z.strictObject({ type: z.literal('chooseDwelling'), candidate: z.int().min(1).max(1000) }),
] as const;

export const LeaseTerms = z.strictObject({
  /** One of the standard leases, or null for another lease, which is checked clause by clause. */
  standardLease: z.enum(STANDARD_LEASES).nullable(),
  startDate: isoDate,
  /** The last day of a time-limited lease; absent for an open-ended one. */
  endDate: isoDate.optional(),
  /** Why a time-limited lease is shorter than three years. */
  shorterTermReason: z.strictObject({ basis: z.enum(['landlord_own_use', 'section_11_1']), explanation: text() }).optional(),
  monthlyRentOre: positiveOre,
  depositOre: ore,
  depositOnBlockedAccountInTenantsName: z.boolean(),
  /** The tenant may give notice, and the landlord only with cause (§ 9-5), in writing (§ 9-7). */
  terminationAsTheLaw: z.boolean(),
  maintenanceReasonable: z.boolean(),
  moveOutConditionReasonable: z.boolean(),
  landlordsOwnHome: z.boolean(),
});

const Security = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('deposit'),
    source: z.enum(['tenant', 'nav_loan', 'nav_grant']),
    amountOre: positiveOre,
    /** NAV's decision (vedtak) on a loan or grant for the deposit. */
    decision: z.strictObject({ reference: text(100), date: isoDate, amountOre: positiveOre }).optional(),
  }),
  z.strictObject({
    kind: z.literal('guarantee'),
    issuer: z.enum(['nav', 'municipality']),
    reference: text(100),
    amountOre: positiveOre,
    validFrom: isoDate,
    validUntil: isoDate.optional(),
    /** How long after the lease ends the landlord may claim. */
    claimDeadlineMonths: z.int().min(1).max(12),
  }),
]);

/** Phase 3 (kontrakt, depositum og garanti). */
const contractPayloads = [
  z.strictObject({ type: z.literal('recordRentalApproval'), approved: z.boolean(), source: z.enum(['property_register', 'municipal_scheme']), date: isoDate }),
  z.strictObject({ type: z.literal('checkLease'), date: isoDate, lease: LeaseTerms }),
  z.strictObject({ type: z.literal('recordSecurity'), security: Security }),
  z.strictObject({
    type: z.literal('signSafetyAgreement'),
    date: isoDate,
    /** Whom the landlord calls when problems arise. */
    landlordCalls: z.enum(['housing_officer', 'follow_up_worker', 'housing_office']),
    municipalityDoes: z.array(text(500)).min(1).max(10),
    landlordContactAgreed: z.boolean(),
  }),
  z.strictObject({ type: z.literal('abandonDwelling'), reason: text() }),
  z.strictObject({ type: z.literal('recordLeaseSigned'), date: isoDate }),
] as const;

/** Phase 4 (overtakelse og innflytting). */
const moveInPayloads = [
  z.strictObject({
    type: z.literal('recordTakeover'),
    date: isoDate,
    conditionNoted: z.boolean(),
    meterReadings: z.array(z.strictObject({ meter: text(50), reading: z.number().min(0).max(1e9) })).min(1).max(10),
    keys: z.int().min(1).max(50),
    contentsInsurance: z.boolean(),
    addressChanged: z.boolean(),
    housingAllowanceApplied: z.boolean(),
    rentPayment: z.enum(['standing_order', 'nav_pays_landlord', 'manual']),
  }),
  z.strictObject({ type: z.literal('recordMoveIn'), date: isoDate }),
] as const;

const ClaimItem = z.strictObject({ kind: z.enum(['rent_arrears', 'damage', 'cleaning', 'other']), amountOre: positiveOre });

/** Phase 5 (oppfølging og utflytting). */
const followUpPayloads = [
  z.strictObject({ type: z.literal('recordContact'), date: isoDate, with: z.enum(['tenant', 'landlord']), channel: z.enum(['visit', 'phone', 'meeting']) }),
  z.strictObject({
    type: z.literal('recordTermination'),
    by: z.enum(['tenant', 'landlord', 'eviction']),
    noticeDate: isoDate,
    moveOutDate: isoDate,
    /** The landlord's notice as received: §§ 9-5 and 9-7 are checked against it. */
    landlordNotice: z.strictObject({ written: z.boolean(), reasonGiven: z.boolean(), statesObjectionRight: z.boolean() }).optional(),
  }),
  z.strictObject({
    type: z.literal('recordMoveOut'),
    date: isoDate,
    keysReturned: z.boolean(),
    damages: z.array(z.strictObject({ what: text(300), estimatedOre: ore })).max(30),
  }),
  z.strictObject({ type: z.literal('registerGuaranteeClaim'), receivedDate: isoDate, items: z.array(ClaimItem).min(1).max(20) }),
  z.strictObject({
    type: z.literal('decideGuaranteeClaim'),
    date: isoDate,
    /** One per claimed item, in the claim's order: what is paid, and why not all. */
    items: z.array(z.strictObject({ approvedOre: ore, reason: text(500).optional() })).min(1).max(20),
  }),
  z.strictObject({ type: z.literal('settleDeposit'), date: isoDate, releasedToTenantOre: ore, paidToLandlordOre: ore, reason: text(500).optional() }),
  z.strictObject({ type: z.literal('closePrivateRental'), outcome: z.enum(CLOSING_OUTCOMES), note: text().optional() }),
  /** The case goes back to the municipal process (the housing committee or the office decided). */
  z.strictObject({ type: z.literal('returnToMunicipalProcess'), reason: text() }),
] as const;

/** Any phase: a task that asks for something done outside Botrygg is ticked off with what was done. */
const taskPayloads = [
  z.strictObject({ type: z.literal('completeTask'), taskId: z.string().trim().min(1).max(100), note: z.string().trim().min(3).max(4000) }),
] as const;

export const PrivateRentalActionPayload = z.discriminatedUnion('type', [...mappingPayloads, ...findingPayloads, ...contractPayloads, ...moveInPayloads, ...followUpPayloads, ...taskPayloads]);
export type PrivateRentalActionPayload = z.infer<typeof PrivateRentalActionPayload>;
export type LeaseTerms = z.infer<typeof LeaseTerms>;
export type Security = z.infer<typeof Security>;

/** The landlord's problem report (form): categories, never the landlord's free text in notices. */
export const LandlordReportInput = z.strictObject({
  receivedDate: isoDate,
  category: z.enum(['rent_unpaid', 'noise', 'damage', 'untidy', 'other']),
  description: z.string().trim().min(3).max(4000),
  channel: z.enum(['landlord_form', 'phone', 'email']),
});
export type LandlordReportInput = z.infer<typeof LandlordReportInput>;
