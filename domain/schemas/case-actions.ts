import { z } from 'zod';
import { SITUATION_KEYS } from '../agreement-template';
import { AgreementTemplateSchema } from './agreement-template';
import { isoDate } from './common';
import { Dwelling } from './dwelling';

/**
 * Staff actions on a tenancy as the API accepts them. The API validates the shape here; the
 * workflow's update validator checks that the action is allowed now (`rejectReason` in
 * domain/tenancy/actions.ts) before anything changes.
 */

/** Phase 1 (tildeling): mapping interviews, the decision, offers of a dwelling, rent set. */
/** Phase 1 (tildeling): mapping interviews, the decision, offers of a dwelling, rent set. */
export const MappingInterviewPayload = z.strictObject({
  date: isoDate,
  hasPropertyOrCapital: z.boolean(),
  couldRentPrivatelyWithSupport: z.boolean(),
  couldBuyWithStartUpLoan: z.boolean(),
  roomsNeeded: z.int().min(1).max(10),
  childrenInHousehold: z.int().min(0).max(20),
  ableToLiveIndependently: z.boolean(),
  needsHousingGuidance: z.boolean(),
  rentPaymentArrangement: z.boolean(),
  needsAccessibleDwelling: z.boolean().optional(),
  monthlyIncomeOre: z.int().min(0).max(100_000_000).optional(),
  /** Seed 002: «Kan søker skaffe seg egen bolig ved bostøtte/lån/tilskudd fra Husbanken?» – the allowance and grant part. */
  couldGetHousingAllowanceOrGrant: z.boolean().optional(),
  /** Debt or payment remarks: they weigh on a start-up loan and on whether a payment arrangement is needed. */
  hasDebtOrPaymentRemarks: z.boolean().optional(),
  /** Where the applicant wants to live and where not (beliggenhet: near school or work, away from a drug milieu). */
  preferredLocations: z.array(z.string().trim().min(2).max(100)).max(10).optional(),
  locationsToAvoid: z.array(z.string().trim().min(2).max(100)).max(10).optional(),
  notes: z.string().max(4000).optional(),
});

export const allocationPayloads = [
  z.strictObject({ type: z.literal('recordInterview'), interview: MappingInterviewPayload }),
  z.strictObject({ type: z.literal('withdrawApplication'), reason: z.string().trim().min(3).max(1000) }),
  z.strictObject({ type: z.literal('referElsewhere'), outcome: z.enum(['private_market', 'start_up_loan']), note: z.string().trim().min(3).max(2000) }),
  z.strictObject({
    type: z.literal('recordDecision'),
    outcome: z.enum(['approved', 'rejected']),
    date: isoDate,
    reference: z.string().trim().max(100).optional(),
    note: z.string().trim().max(2000).optional(),
    /** Forvaltningsloven § 24: the facts and assessment the decision rests on; a rejection must have them. */
    reasons: z.string().trim().min(3).max(8000).optional(),
    /** The rules applied (fvl. § 25); the boligsosial lov § 6 and the municipality's allocation rules if absent. */
    legalBasis: z.string().trim().min(3).max(1000).optional(),
  }),
  z.strictObject({ type: z.literal('offerDwelling'), dwelling: Dwelling }),
  z.strictObject({
    type: z.literal('answerOffer'),
    accepted: z.boolean(),
    date: isoDate,
    reason: z.string().trim().max(2000).optional(),
    /** Rent set for the tenancy; defaults to the dwelling's register rent. */
    monthlyRentOre: z.int().min(0).max(10_000_000).optional(),
  }),
] as const;


/** Phase 2 (leiekontrakt og innflytting). */
/** Phase 2 (leiekontrakt og innflytting): lease, house rules, checklist, housing allowance, agreement, move-in. */
export const AgreementTerms = z.strictObject({
  followUpWorkerId: z.string().trim().min(1).max(100),
  housingOfficerId: z.string().trim().min(1).max(100).optional(),
  optionalRows: z.array(z.enum(SITUATION_KEYS)).max(SITUATION_KEYS.length).default([]),
  /** `times` visits in each period of `every` weeks or months: { times: 1, per: 'week', every: 2 } is every second week. */
  visitFrequency: z.strictObject({ times: z.int().min(1).max(14), per: z.enum(['week', 'month']), every: z.int().min(1).max(12).optional() }),
  lockedDoorWaitMinutes: z.int().min(5).max(24 * 60),
  deviationWeeks: z.int().min(1).max(12).default(2),
  reason: z.string().trim().max(1000).optional(),
});

export const LeaseTerms = z.strictObject({
  startDate: isoDate,
  /** Last day of the lease; three years by default. */
  endDate: isoDate.optional(),
  signedDate: isoDate,
  depositOre: z.int().min(0).max(100_000_000).optional(),
  shorterTermReason: z.string().trim().min(10).max(2000).optional(),
});

export const moveInPayloads = [
  z.strictObject({ type: z.literal('signLease'), lease: LeaseTerms }),
  z.strictObject({ type: z.literal('reviewHouseRules'), language: z.string().trim().min(2).max(60), reviewedDate: isoDate }),
  z.strictObject({ type: z.literal('confirmChecklistItems'), itemIds: z.array(z.string().min(1).max(60)).min(1).max(50), date: isoDate }),
  z.strictObject({ type: z.literal('signChecklist'), signedDate: isoDate }),
  z.strictObject({
    type: z.literal('recordHousingAllowance'),
    status: z.enum(['applied', 'granted', 'rejected', 'not_applicable']),
    assignmentDeclarationSigned: z.boolean(),
    date: isoDate,
    /** The allowance decision's monthly amount in øre (under NOK 300 Husbanken pays nothing). */
    monthlyAllowanceOre: z.int().min(0).max(10_000_000).optional(),
    /** The rent month `YYYY-MM` the amount applies from; the month of `date` when absent. */
    fromPeriod: z.string().regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, 'må være en måned på formen ÅÅÅÅ-MM').optional(),
  }),
  z.strictObject({
    type: z.literal('createAgreement'),
    terms: AgreementTerms,
    /** The municipality's template version in force when the agreement is drafted; the default if absent. */
    template: AgreementTemplateSchema.optional(),
  }),
  z.strictObject({ type: z.literal('signAgreement'), party: z.enum(['tenant', 'follow_up_worker', 'housing_officer']), date: isoDate }),
  z.strictObject({ type: z.literal('declareNoFollowUp'), reason: z.string().trim().min(3).max(1000) }),
  z.strictObject({ type: z.literal('recordMoveIn'), moveInDate: isoDate }),
] as const;


/** Phase 3 (oppfølging i leieforholdet): visits, evaluation, renewal, ownership dialogue, notice and move-out. */
export const followUpPayloads = [
  z.strictObject({ type: z.literal('recordVisit'), date: isoDate, outcome: z.enum(['completed', 'locked_door', 'cancelled']), note: z.string().trim().max(4000).optional() }),
  z.strictObject({ type: z.literal('requestEvaluation'), reason: z.string().trim().min(3).max(1000) }),
  z.strictObject({ type: z.literal('recordEvaluation'), date: isoDate, outcome: z.enum(['kept', 'revised']), note: z.string().trim().max(4000).optional() }),
  z.strictObject({
    type: z.literal('decideRenewal'),
    decision: z.enum(['renew', 'ownership', 'end']),
    reason: z.string().trim().max(2000).optional(),
    /** For `renew`: the next lease; it starts the day after the current one ends unless given. */
    newLease: LeaseTerms.partial({ startDate: true }).optional(),
  }),
  z.strictObject({ type: z.literal('recordOwnershipDialogue'), date: isoDate, outcome: z.enum(['not_now', 'apply_start_up_loan']), note: z.string().trim().max(2000).optional() }),
  z.strictObject({
    type: z.literal('declineFollowUp'),
    date: isoDate,
    note: z.string().trim().max(2000).optional(),
    /** The reasons in the decision that ends the follow-up (enkeltvedtak); the tenant's own wish if absent. */
    reasons: z.string().trim().min(3).max(8000).optional(),
  }),
  z.strictObject({
    type: z.literal('endFollowUp'),
    date: isoDate,
    /** Forvaltningsloven § 24: why the municipality ends the help; the tenant gets them in the decision letter. */
    reasons: z.string().trim().min(3).max(8000),
  }),
  z.strictObject({
    type: z.literal('giveNotice'),
    givenBy: z.enum(['tenant', 'landlord']),
    noticeDate: isoDate,
    reason: z.string().trim().min(3).max(2000),
    moveOutDate: isoDate.optional(),
  }),
  z.strictObject({ type: z.literal('recordMoveOutInspection'), date: isoDate, damagesOre: z.int().min(0).max(100_000_000), notes: z.string().trim().max(4000).optional() }),
  z.strictObject({ type: z.literal('completeTask'), taskId: z.string().trim().min(1).max(100), note: z.string().trim().min(3).max(4000) }),
  z.strictObject({ type: z.literal('settleDeposit'), date: isoDate, depositReturnedOre: z.int().min(0).max(100_000_000), damagesChargedOre: z.int().min(0).max(100_000_000) }),
] as const;


/** Staff actions on the rent ladder: payment plans, the § 9-11 reservation, the committee's decision, the eviction request. */
export const rentPayloads = [
  z.strictObject({
    type: z.literal('agreePaymentPlan'),
    agreedDate: isoDate,
    instalments: z
      .array(z.strictObject({ dueDate: isoDate, amountOre: z.int().min(100).max(100_000_000) }))
      .min(1)
      .max(36),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({ type: z.literal('recordNavNoticeRefusal'), date: isoDate, note: z.string().trim().max(2000).optional() }),
  z.strictObject({
    type: z.literal('recordCommitteeDecision'),
    outcome: z.enum(['approve_eviction_request', 'reject_eviction_request']),
    date: isoDate,
    meetingId: z.string().trim().min(1).max(100).optional(),
    note: z.string().trim().max(4000).optional(),
  }),
  z.strictObject({ type: z.literal('fileEvictionRequest'), date: isoDate, note: z.string().trim().max(4000).optional() }),
  z.strictObject({ type: z.literal('withdrawAssignmentDeclaration'), date: isoDate }),
  // The § 4-18 warning went by post (a letter from Botrygg's letters): its wait counts from receipt.
  z.strictObject({ type: z.literal('recordWarningLetterPosted'), letterId: z.string().regex(/^L-[0-9a-f]{12}$/), sentDate: isoDate, receiptDate: isoDate }),
] as const;


/** Appeals against individual decisions (forvaltningsloven §§ 28–34): registered, reviewed by the municipality, decided. */
export const appealPayloads = [
  z.strictObject({
    type: z.literal('registerAppeal'),
    decisionId: z.string().trim().regex(/^[a-z0-9-]{3,80}$/, 'må være ID-en til et vedtak i saken'),
    receivedDate: isoDate,
    note: z.string().trim().max(4000).optional(),
  }),
  z.strictObject({
    type: z.literal('decideAppeal'),
    decisionId: z.string().trim().regex(/^[a-z0-9-]{3,80}$/, 'må være ID-en til et vedtak i saken'),
    /** `review`: the municipality's own review (§ 33): reverse, or keep and forward. `appeal_body`: the Statsforvalteren's decision. */
    stage: z.enum(['review', 'appeal_body']),
    outcome: z.enum(['reversed', 'forwarded', 'upheld']),
    date: isoDate,
    reasons: z.string().trim().min(3).max(8000),
  }),
] as const;

/**
 * Seed 002's agreement: cooperation and information sharing between the services (consent, or a
 * recorded legal basis instead), and the authorisation (fullmakt) for how the rent is paid.
 */
export const CONSENT_PARTIES = ['housing_office', 'follow_up_service', 'nav', 'health_services', 'committee'] as const;
export const PAYMENT_METHODS = ['avtalegiro', 'efaktura', 'online_bank', 'nav_direct', 'wage_deduction'] as const;

export const arrangementPayloads = [
  z.strictObject({
    type: z.literal('recordConsent'),
    date: isoDate,
    /** The services that may cooperate and share information about the tenant; `committee` lets boligutvalget see the case. */
    scope: z
      .array(z.enum(CONSENT_PARTIES))
      .min(1)
      .max(CONSENT_PARTIES.length)
      .refine((a) => new Set(a).size === a.length, 'Hver tjeneste kan bare stå én gang.'),
    validUntil: isoDate.optional(),
  }),
  z.strictObject({ type: z.literal('withdrawConsent'), date: isoDate }),
  z.strictObject({
    type: z.literal('recordLegalBasis'),
    date: isoDate,
    /** The provision that allows sharing without consent, e.g. «Vedtak om helse- og omsorgstjenester, jf. hol. § 3-2». */
    basis: z.string().trim().min(5).max(300),
  }),
  z.strictObject({
    type: z.literal('recordPaymentArrangement'),
    date: isoDate,
    method: z.enum(PAYMENT_METHODS),
    /** The fullmakt: to NAV (rent paid from benefits) or to the employer (deducted from wages). */
    authorisation: z.strictObject({ grantedTo: z.enum(['nav', 'employer']), signedDate: isoDate, validUntil: isoDate.optional() }).optional(),
  }),
  z.strictObject({ type: z.literal('withdrawPaymentAuthorisation'), date: isoDate }),
] as const;

/**
 * What a decision of the housing committee (boligutvalget) does to the case it concerns. The
 * committee's workflow delivers each decision as this one action, keyed by meeting and item, so a
 * redelivery changes nothing and the decision shows on the case's timeline.
 */
/** The effects that carry nothing but their kind; shared with the minutes' form of an effect. */
export const PLAIN_EFFECTS = [
  z.strictObject({ kind: z.literal('approve_eviction_request') }),
  z.strictObject({ kind: z.literal('reject_eviction_request') }),
  z.strictObject({ kind: z.literal('call_three_party_meeting') }),
  z.strictObject({ kind: z.literal('start_up_loan_assessment') }),
  z.strictObject({ kind: z.literal('note') }),
  /** Seed 004: the committee decides the applicant is helped to rent privately, or comes back from it. */
  z.strictObject({ kind: z.literal('refer_private_rental') }),
  z.strictObject({ kind: z.literal('return_to_municipal_process') }),
] as const;

export const CommitteeEffect = z.discriminatedUnion('kind', [...PLAIN_EFFECTS, z.strictObject({ kind: z.literal('allocate_dwelling'), dwelling: Dwelling })]);

export const committeePayloads = [
  z.strictObject({
    type: z.literal('applyCommitteeDecision'),
    meetingId: z.string().trim().min(1).max(100),
    itemId: z.string().trim().min(1).max(100),
    date: isoDate,
    text: z.string().trim().min(3).max(4000),
    responsible: z.string().trim().max(200).optional(),
    deadline: isoDate.optional(),
    effect: CommitteeEffect,
  }),
] as const;

export type CommitteeEffect = z.infer<typeof CommitteeEffect>;

/**
 * Staff actions on a tenancy. The API validates the shape with these schemas; the workflow's
 * update validator checks that the action is allowed now (`rejectReason`) before anything changes.
 */
export const CaseActionPayload = z.discriminatedUnion('type', [...allocationPayloads, ...moveInPayloads, ...followUpPayloads, ...rentPayloads, ...committeePayloads, ...arrangementPayloads, ...appealPayloads]);

export type CaseActionPayload = z.infer<typeof CaseActionPayload>;
export type MappingInterviewPayload = z.infer<typeof MappingInterviewPayload>;
export type LeaseTerms = z.infer<typeof LeaseTerms>;
export type AgreementTerms = z.infer<typeof AgreementTerms>;
