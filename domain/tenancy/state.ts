import type { AllowanceExpectation } from '../rent/allowance';
import type { AgreementParameters, AgreementRow, SituationKey } from '../agreement-template';
import type { Application } from '../application';
import { addDays, deadline, osloDate, osloInstant, type IsoDate } from '../calendar';
import type { Dwelling } from '../dwelling';
import type { Role } from '../roles';
import { rememberResult as remember } from '../applied-results';
import { DEFAULT_POLICY, type TenancyPolicy } from './policy';
import type { PendingLetter } from './case-letters';
import type { PendingNotice, RentState } from './rent';

/**
 * The phases of a municipal tenancy (Veiviseren: «Valg av bolig og beboeroppfølgning»).
 * Stored as search attribute values and in the read model: never rename one.
 */
export const PHASES = ['application', 'allocation', 'lease', 'follow_up', 'private_rental', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  application: 'Søknad og kartlegging',
  allocation: 'Tildeling',
  lease: 'Leiekontrakt og innflytting',
  follow_up: 'Oppfølging i leieforholdet',
  private_rental: 'Hjelp til å leie privat',
  closed: 'Avsluttet',
};

/** A human step the workflow waits for: who must act, and by when. */
export interface Task {
  id: string;
  kind: string;
  title: string;
  role: Role;
  assigneeId?: string;
  dueDate: IsoDate;
  createdAt: number;
  /** Set when the due date passed with the task still open: shown to staff and to the committee. */
  overdue?: boolean;
}

/** One line of the case timeline, persisted by an activity under a dedup key. */
export interface CaseEvent {
  seq: number;
  at: number;
  kind: string;
  actorId?: string;
  summary: string;
  data?: Record<string, unknown>;
}

export interface MappingInterview {
  date: IsoDate;
  interviewerId: string;
  hasPropertyOrCapital: boolean;
  couldRentPrivatelyWithSupport: boolean;
  couldBuyWithStartUpLoan: boolean;
  roomsNeeded: number;
  childrenInHousehold: number;
  ableToLiveIndependently: boolean;
  needsHousingGuidance: boolean;
  rentPaymentArrangement: boolean;
  needsAccessibleDwelling?: boolean;
  /** Net monthly household income in øre, for the rent-versus-economy check. */
  monthlyIncomeOre?: number;
  couldGetHousingAllowanceOrGrant?: boolean;
  hasDebtOrPaymentRemarks?: boolean;
  preferredLocations?: string[];
  locationsToAvoid?: string[];
  notes?: string;
}

export type ConsentParty = 'housing_office' | 'follow_up_service' | 'nav' | 'health_services' | 'committee';
export type PaymentMethod = 'avtalegiro' | 'efaktura' | 'online_bank' | 'nav_direct' | 'wage_deduction';

/** Consent to cooperation and information sharing between the services (seed 002), withdrawable. */
export interface Consent {
  status: 'given' | 'withdrawn';
  scope: ConsentParty[];
  date: IsoDate;
  validUntil?: IsoDate;
  recordedBy: string;
  withdrawnDate?: IsoDate;
}

/** How the tenant pays the rent, and the fullmakt that lets NAV or the employer pay it. */
export interface PaymentArrangement {
  method: PaymentMethod;
  date: IsoDate;
  recordedBy: string;
  authorisation?: { grantedTo: 'nav' | 'employer'; signedDate: IsoDate; validUntil?: IsoDate; withdrawnDate?: IsoDate };
}

/** Vedtak: the formal decision on the application. */
export interface Decision {
  outcome: 'approved' | 'rejected';
  date: IsoDate;
  reference?: string;
  decidedBy: string;
  note?: string;
}

/**
 * An individual decision (enkeltvedtak, forvaltningsloven §§ 24–27; boligsosial lov § 6): on the
 * application, or reducing or ending follow-up. Written with reasons, sent to the tenant as a letter
 * with the appeal deadline, and appealable (patched 'individual-decisions').
 */
export interface IndividualDecision {
  id: string;
  subject: 'application' | 'follow_up_ended' | 'follow_up_reduced';
  outcome: 'approved' | 'rejected' | 'ended' | 'reduced';
  date: IsoDate;
  /** The decision as the letter states it. */
  decision: string;
  reasons: string;
  legalBasis: string;
  decidedBy: string;
  /** The last day to appeal: three weeks from assumed receipt of the letter. */
  appealDeadline: IsoDate;
  letterId?: string;
  appeal?: {
    receivedDate: IsoDate;
    registeredBy: string;
    note?: string;
    /** The municipality's own review (§ 33): reversed, or kept and forwarded to the appeal body. */
    review?: { outcome: 'reversed' | 'forwarded'; date: IsoDate; reasons: string; by: string };
    /** The appeal body's (Statsforvalteren's) decision, as recorded by the housing officer. */
    final?: { outcome: 'upheld' | 'reversed'; date: IsoDate; reasons: string; by: string };
  };
}

export interface Offer {
  seq: number;
  dwelling: Dwelling;
  offeredDate: IsoDate;
  warnings: string[];
  answer?: 'accepted' | 'declined';
  answeredDate?: IsoDate;
  declineReason?: string;
}

export interface Lease {
  seq: number;
  dwellingId: string;
  startDate: IsoDate;
  /** Last day of the lease period. */
  endDate: IsoDate;
  signedDate: IsoDate;
  monthlyRentOre: number;
  depositOre?: number;
  /** § 11-1: why the term is shorter than three years; the tenant is told in writing. */
  shorterTermReason?: string;
}

export interface ChecklistItem {
  id: string;
  label: string;
  confirmedDate?: IsoDate;
}

export type AgreementParty = 'tenant' | 'follow_up_worker' | 'housing_officer';
export const AGREEMENT_PARTIES: readonly AgreementParty[] = ['tenant', 'follow_up_worker', 'housing_officer'];

/** One signed (or to-be-signed) version of the follow-up agreement (oppfølgingsavtale). */
export interface AgreementVersion extends AgreementParameters {
  version: number;
  templateVersion: number;
  rows: AgreementRow[];
  optionalRowsChosen: SituationKey[];
  followUpWorkerId: string;
  housingOfficerId: string;
  validUntil: IsoDate;
  createdDate: IsoDate;
  reason: string;
  signatures: Partial<Record<AgreementParty, IsoDate>>;
  status: 'draft' | 'active' | 'superseded';
  /** Seed 000 («gyldig til»): the day after `validUntil` passed with no new version signed (patched 'agreement-follows-lease'). */
  lapsedOn?: IsoDate;
}

export interface VisitWindow {
  start: IsoDate;
  /** Exclusive: the window closes at the start of this day, Oslo time. */
  end: IsoDate;
  per: 'week' | 'month';
  /** The window spans this many weeks or months («every second week»); 1 when absent. */
  every?: number;
  required: number;
  visits: number;
}

export interface Visit {
  seq: number;
  date: IsoDate;
  outcome: 'completed' | 'locked_door' | 'cancelled';
  byId: string;
  note?: string;
}

export interface Ending {
  givenBy: 'tenant' | 'landlord' | 'renewal' | 'ownership';
  noticeDate: IsoDate;
  moveOutDate: IsoDate;
  reason: string;
  inspection?: { date: IsoDate; damagesOre: number; notes?: string };
  settlement?: { date: IsoDate; depositReturnedOre: number; damagesChargedOre: number };
}

/** A record written to the case_records table, keyed so a retried write is a no-op. */
export interface CaseRecord {
  kind:
    | 'interview' | 'decision' | 'offer' | 'lease' | 'checklist' | 'agreement' | 'visit' | 'evaluation' | 'renewal' | 'ending' | 'housing_allowance' | 'house_rules' | 'ownership_dialogue'
    | 'payment_plan' | 'rent_warning' | 'committee_decision' | 'eviction_request' | 'consent' | 'legal_basis' | 'payment_arrangement' | 'individual_decision'
    /** Help to rent privately (seed 004): keyed by what it is (`plan`, `candidate-2`, `lease-check-1`, …). */
    | 'private_rental';
  key: string;
  data: Record<string, unknown>;
}

export interface TenancyState {
  /** Increments on every change; the read model keeps the highest it has seen. */
  version: number;
  caseId: string;
  municipality: string;
  phase: Phase;
  status: 'active' | 'closed';
  application: Application;
  housingOfficerId?: string;
  followUpWorkerId?: string;
  interviews: MappingInterview[];
  tasks: Task[];
  closedReason?: string;
  /** Absent in cases started before policies existed: read through `policyOf`. */
  policy?: TenancyPolicy;
  decision?: Decision;
  individualDecisions?: IndividualDecision[];
  offers?: Offer[];
  monthlyRentOre?: number;
  leases?: Lease[];
  houseRules?: { language: string; reviewedDate: IsoDate };
  checklist?: { items: ChecklistItem[]; signedDate?: IsoDate };
  housingAllowance?: {
    status: 'applied' | 'granted' | 'rejected' | 'not_applicable';
    assignmentDeclarationSigned: boolean;
    date: IsoDate;
    /** The allowance decisions recorded, oldest first: what Husbanken is expected to pay each month. */
    expected?: AllowanceExpectation[];
  };
  followUpNeeded?: boolean;
  agreements?: AgreementVersion[];
  moveInDate?: IsoDate;
  followUp?: {
    /** `ended`: the municipality ended the follow-up by an individual decision (`endFollowUp`). */
    status: 'active' | 'declined' | 'ended' | 'none';
    declinedDate?: IsoDate;
    window?: VisitWindow;
    missedWindows: number;
    /** First day of the unbroken run of missed windows, while one lasts (patched 'missed-visits-reach-housing-office'). */
    missedSince?: IsoDate;
    /** The run of missed windows was reported to the housing office. */
    missedReported?: boolean;
    visits: Visit[];
  };
  renewal?: {
    assessmentOpened?: IsoDate;
    evaluationDone?: IsoDate;
    /** The lease expired with nobody ending or renewing it: the housing officer was warned (patched 'lease-open-ended-watch'). */
    expiredWarned?: IsoDate;
    /** Three months after expiry without notice the lease became open-ended (husleieloven; domain-facts). */
    openEndedSince?: IsoDate;
  };
  evaluations?: Array<{ date: IsoDate; outcome: 'kept' | 'revised'; note?: string; byId: string }>;
  nextOwnershipDialogue?: IsoDate;
  ending?: Ending;
  consent?: Consent;
  /** A legal basis for sharing without consent (the committee may then see the case too). */
  legalBasis?: { basis: string; date: IsoDate; recordedBy: string };
  payment?: PaymentArrangement;
  /** Records not yet confirmed written to the database. */
  unsavedRecords?: CaseRecord[];
  incidents?: Array<{ incidentId: string; workflowId: string; situation: SituationKey; reportedAt: number; status: 'open' | 'closed' | 'withdrawn' }>;
  /** Threats or weapons: everyone who visits sees this before going. */
  cautionFlag?: { since: IsoDate; incidentId: string };
  neighbourComplaints?: IsoDate[];
  /** 0 none; 1 repeated complaints (to the committee). The rent ladder's level is `rentLevel`. */
  escalationLevel?: number;
  /** Set at the start of every run by `patched('rent-ledger')`: runs recorded before rent existed replay without it. */
  rentEnabled?: boolean;
  /**
   * Rule corrections switched on per run by `patched(id)` in the workflow: a run recorded before a
   * correction replays with the old rule, and picks up the new one at its next continue-as-new.
   */
  features?: Partial<Record<TenancyFeature, boolean>>;
  rent?: RentState;
  /**
   * While the case is helped to rent privately (phase `private_rental`, patched 'private-rental-referral'):
   * the private-rental workflow it continues in, started once. `referrals` counts every referral, so
   * each gets a workflow (and timeline dedup keys) of its own.
   */
  privateRental?: {
    workflowId: string;
    started: boolean;
    referredDate: IsoDate;
    /** The housing committee decided the case goes back to the municipal process; `sent` once the private rental is told. */
    returnRequested?: { date: IsoDate; text: string; meetingId: string; itemId: string; sent: boolean };
  };
  privateRentalReferrals?: number;
  /** Messages to the tenant or a role's mailbox, not yet handed to the outbox. */
  unsentNotices?: PendingNotice[];
  /** Letters the case decided to send, not yet made (patched 'ladder-makes-letters'). */
  unsentLetters?: PendingLetter[];
  nextEventSeq: number;
  /** Timeline lines not yet confirmed written to the database. */
  unsavedEvents: CaseEvent[];
  /** Results of applied actions by idempotency key, so a resend returns the first answer. */
  applied: Record<string, unknown>;
  /** Insertion order of `applied`, to keep it bounded across years of actions. */
  appliedOrder: string[];
}

export const APPLIED_KEYS_KEPT = 500;

/** Patch IDs of rule corrections (issue 11); each is also the `patched()` ID in workflows/tenancy.ts. */
export const TENANCY_FEATURES = ['co-located-rent-roles', 'nav-notice-9-11-content', 'allowance-awaited', 'renewal-from-last-day', 'ownership-start-up-loan-task', 'tenancy-deadlines-business-days', 'missed-visits-reach-housing-office', 'dwelling-fit-full-interview', 'lease-open-ended-watch', 'agreement-follows-lease', 'ladder-makes-letters', 'individual-decisions', 'private-rental-referral'] as const;
export type TenancyFeature = (typeof TENANCY_FEATURES)[number];

export const hasFeature = (state: Pick<TenancyState, 'features'>, feature: TenancyFeature): boolean => state.features?.[feature] === true;

/** Two weeks after `from`, on a business day (patched 'tenancy-deadlines-business-days'; plain days before it). */
export const twoWeeksAfter = (state: Pick<TenancyState, 'features'>, from: IsoDate): IsoDate =>
  hasFeature(state, 'tenancy-deadlines-business-days') ? deadline(from, { weeks: 2 }) : addDays(from, 14);

/** The case's policy; settings added after the case started take their defaults. */
export function policyOf(state: TenancyState): TenancyPolicy {
  return { ...DEFAULT_POLICY, ...state.policy };
}

export function newTenancyState(input: {
  caseId: string;
  application: Application;
  now: number;
  policy?: TenancyPolicy;
}): TenancyState {
  const { caseId, application, now } = input;
  const state: TenancyState = {
    version: 0,
    caseId,
    municipality: application.municipality,
    phase: 'application',
    status: 'active',
    application,
    housingOfficerId: application.housingOfficerId,
    interviews: [],
    tasks: [],
    nextEventSeq: 1,
    unsavedEvents: [],
    applied: {},
    appliedOrder: [],
    // A new case follows today's rules; the workflow sets these again from patched() on every run.
    features: Object.fromEntries(TENANCY_FEATURES.map((f) => [f, true])),
    ...(input.policy ? { policy: input.policy } : {}),
  };
  addEvent(state, now, {
    kind: 'application_received',
    summary: `Søknad om kommunal bolig mottatt for ${application.applicant.name}`,
    data: { receivedDate: application.receivedDate },
  });
  openTask(state, now, {
    id: 'mapping-interview',
    kind: 'mapping_interview',
    title: 'Gjennomfør kartleggingssamtale',
    role: 'housing_officer',
    assigneeId: state.housingOfficerId,
    dueDate: deadline(application.receivedDate, { weeks: policyOf(state).interviewWithinWeeks }),
  });
  return state;
}

export function addRecord(state: TenancyState, record: CaseRecord): void {
  (state.unsavedRecords ??= []).push(record);
}

export function hasTask(state: TenancyState, id: string): boolean {
  return state.tasks.some((t) => t.id === id);
}

export const currentLease = (state: TenancyState): Lease | undefined => state.leases?.at(-1);
export const currentAgreement = (state: TenancyState): AgreementVersion | undefined => state.agreements?.at(-1);
export const activeAgreement = (state: TenancyState): AgreementVersion | undefined => state.agreements?.findLast((a) => a.status === 'active');

export function addEvent(state: TenancyState, now: number, event: Omit<CaseEvent, 'seq' | 'at'>): void {
  state.unsavedEvents.push({ ...event, seq: state.nextEventSeq++, at: now });
  state.version++;
}

export function openTask(state: TenancyState, now: number, task: Omit<Task, 'createdAt'>): void {
  state.tasks = state.tasks.filter((t) => t.id !== task.id);
  state.tasks.push({ ...task, createdAt: now });
  state.version++;
}

export function closeTask(state: TenancyState, id: string): void {
  state.tasks = state.tasks.filter((t) => t.id !== id);
  state.version++;
}

export function rememberResult(state: TenancyState, key: string, result: unknown): void {
  remember(state, key, result, APPLIED_KEYS_KEPT);
}

/** The earliest open task deadline: what the ops staff sort and filter on. */
export function nextDeadline(state: TenancyState): IsoDate | undefined {
  return state.tasks.map((t) => t.dueDate).sort()[0];
}

/** A task is overdue from the start of the day after its due date, Oslo time. */
function overdueFrom(task: Task): number {
  return osloInstant(addDays(task.dueDate, 1));
}

/** Flags tasks whose deadline has passed; each missed deadline goes on the timeline once. */
export function markOverdueTasks(state: TenancyState, now: number): void {
  for (const task of state.tasks) {
    if (task.overdue || overdueFrom(task) > now) continue;
    task.overdue = true;
    addEvent(state, now, {
      kind: 'deadline_missed',
      summary: `Fristen ${task.dueDate} for «${task.title}» er passert (${osloDate(now)}).`,
      data: { taskId: task.id, role: task.role, assigneeId: task.assigneeId },
    });
  }
}

