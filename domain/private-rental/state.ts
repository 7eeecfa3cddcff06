import { rememberResult as remember } from '../applied-results';
import { addBusinessDays, addDays, osloDate, osloInstant, type IsoDate } from '../calendar';
import type { Role } from '../roles';
import type { CLOSING_OUTCOMES, LandlordReportInput, LeaseTerms, PrivateRentalActionPayload, Security } from '../schemas/private-rental';
import type { CaseEvent, MappingInterview, Task } from '../tenancy/state';

/**
 * Help to rent privately (seed 004, Veiviseren «Bidra til leie av privat bolig»): the municipality
 * helps a household rent from a private landlord. It mediates and checks, but is not a party to the
 * lease. Phase names are stored as search attribute values and in the read model: never rename one.
 */
export const PRIVATE_RENTAL_PHASES = ['mapping', 'finding', 'contract', 'move_in', 'follow_up', 'closed'] as const;
export type PrivateRentalPhase = (typeof PRIVATE_RENTAL_PHASES)[number];

export const PRIVATE_RENTAL_PHASE_LABELS: Record<PrivateRentalPhase, string> = {
  mapping: 'Kartlegging',
  finding: 'Finne bolig og visning',
  contract: 'Kontrakt, depositum og garanti',
  move_in: 'Overtakelse og innflytting',
  follow_up: 'Oppfølging og utflytting',
  closed: 'Avsluttet',
};

type Payload<T extends PrivateRentalActionPayload['type']> = Omit<Extract<PrivateRentalActionPayload, { type: T }>, 'type'>;

/** Boligsøkers plan from the planning meeting: who searches, for what, by when. */
export interface SearchPlan {
  searchers: Payload<'holdPlanningMeeting'>['plan']['searchers'];
  maxMonthlyRentOre: number;
  area: string;
  minRooms: number;
  deadline: IsoDate;
  /** The deadline passed without a dwelling chosen: a revision task was opened. */
  deadlineMissed?: boolean;
  revisions: number;
}

/** A dwelling found on the private market (an ad, a landlord the municipality works with). */
export interface Candidate {
  seq: number;
  source: 'ad' | 'partner_landlord' | 'other';
  landlordName: string;
  address: string;
  monthlyRentOre: number;
  sizeSqm: number;
  rooms: number;
  warnings: string[];
  viewings: Array<Payload<'recordViewing'>>;
  contacts: Array<Omit<Payload<'logLandlordContact'>, 'candidate'>>;
  status: 'open' | 'chosen' | 'abandoned';
  abandonReason?: string;
}

export interface LeaseCheck {
  seq: number;
  candidate: number;
  date: IsoDate;
  lease: LeaseTerms;
  accepted: boolean;
  problems: string[];
  warnings: string[];
}

/** A guarantee claim (§ 3-6) as registered, and what was decided on it. */
export interface GuaranteeClaim {
  receivedDate: IsoDate;
  deadline: IsoDate;
  items: Array<{ kind: 'rent_arrears' | 'damage' | 'cleaning' | 'other'; amountOre: number }>;
  decision?: {
    date: IsoDate;
    outcome: 'paid' | 'partly_paid' | 'refused';
    items: Array<{ approvedOre: number; reason?: string }>;
    paidOre: number;
  };
}

export interface Termination {
  by: 'tenant' | 'landlord' | 'eviction';
  noticeDate: IsoDate;
  moveOutDate: IsoDate;
  /** The tenant may object in writing until this day (§ 9-7), for a landlord's notice. */
  objectionDeadline?: IsoDate;
  warnings: string[];
}

export interface PrivateRentalState {
  version: number;
  caseId: string;
  municipality: string;
  phase: PrivateRentalPhase;
  status: 'active' | 'closed';
  /** The tenancy case this one came from and reports back to: one case, one timeline. */
  tenancyWorkflowId?: string;
  applicant: { name: string; email?: string };
  caseworkerId?: string;
  followUpWorkerId?: string;
  referredDate: IsoDate;
  /** The mapping interview from the municipal process, reused. */
  interview?: MappingInterview;
  mapping?: Payload<'recordMapping'> & { byId: string };
  planningMeeting?: { date: IsoDate; participants: string[] };
  plan?: SearchPlan;
  /** Trygghetsplan: the follow-up the municipality gives, and how often it contacts the tenant. */
  safetyPlan?: Payload<'agreeSafetyPlan'>;
  candidates: Candidate[];
  approval?: Payload<'recordRentalApproval'> & { candidate: number };
  leaseChecks: LeaseCheck[];
  security?: Security & { recordedDate: IsoDate };
  /** Trygghetsavtale with the landlord. */
  safetyAgreement?: Payload<'signSafetyAgreement'>;
  leaseSignedDate?: IsoDate;
  takeover?: Payload<'recordTakeover'>;
  moveInDate?: IsoDate;
  /** The first contact after move-in is due by this day (three months). */
  firstContactDue?: IsoDate;
  contacts: Array<Payload<'recordContact'> & { byId: string }>;
  landlordReports: Array<{ seq: number; category: LandlordReportInput['category']; receivedDate: IsoDate; channel: LandlordReportInput['channel'] }>;
  termination?: Termination;
  /** Landlord's notices that did not meet §§ 9-5/9-7: void, the lease ran on. */
  invalidNotices?: Array<{ noticeDate: IsoDate; problems: string[] }>;
  /** The last day the landlord may claim on the guarantee, set at move-out. */
  claimDeadline?: IsoDate;
  moveOut?: Payload<'recordMoveOut'>;
  guaranteeClaim?: GuaranteeClaim;
  /** No claim came within the guarantee's deadline. */
  guaranteeLapsed?: boolean;
  depositSettlement?: Payload<'settleDeposit'>;
  outcome?: (typeof CLOSING_OUTCOMES)[number] | 'municipal_process';
  closedDate?: IsoDate;
  tasks: Task[];
  unsentNotices: Array<{ key: string; to: Role; subject: string; body: string }>;
  unsavedRecords: Array<{ kind: 'private_rental'; key: string; data: Record<string, unknown> }>;
  nextEventSeq: number;
  unsavedEvents: CaseEvent[];
  applied: Record<string, unknown>;
  appliedOrder: string[];
  historyEventsBeforeContinueAsNew?: number;
  /** A guarantee claim above this goes on the housing committee's agenda (the municipality's policy at referral). */
  committeeClaimThresholdOre?: number;
}

export interface NewPrivateRental {
  caseId: string;
  municipality: string;
  applicant: { name: string; email?: string };
  caseworkerId?: string;
  tenancyWorkflowId?: string;
  interview?: MappingInterview;
  historyEventsBeforeContinueAsNew?: number;
  committeeClaimThresholdOre?: number;
}

export function newPrivateRentalState(input: NewPrivateRental, now: number): PrivateRentalState {
  const today = osloDate(now);
  const state: PrivateRentalState = {
    version: 0,
    caseId: input.caseId,
    municipality: input.municipality,
    phase: 'mapping',
    status: 'active',
    applicant: input.applicant,
    referredDate: today,
    candidates: [],
    leaseChecks: [],
    contacts: [],
    landlordReports: [],
    tasks: [],
    unsentNotices: [],
    unsavedRecords: [],
    nextEventSeq: 1,
    unsavedEvents: [],
    applied: {},
    appliedOrder: [],
    ...(input.tenancyWorkflowId ? { tenancyWorkflowId: input.tenancyWorkflowId } : {}),
    ...(input.caseworkerId ? { caseworkerId: input.caseworkerId } : {}),
    ...(input.interview ? { interview: input.interview } : {}),
    ...(input.historyEventsBeforeContinueAsNew ? { historyEventsBeforeContinueAsNew: input.historyEventsBeforeContinueAsNew } : {}),
    ...(input.committeeClaimThresholdOre !== undefined ? { committeeClaimThresholdOre: input.committeeClaimThresholdOre } : {}),
  };
  addEvent(state, now, { kind: 'private_rental_started', summary: 'Saken følges nå i prosessen for hjelp til å leie privat bolig (kartlegging).' });
  openTask(state, now, { id: 'pr-mapping', kind: 'pr_mapping', title: 'Kartlegg behov og ønsker for leie av privat bolig', role: 'housing_officer', assigneeId: state.caseworkerId, dueDate: addBusinessDays(today, 10) });
  return state;
}

export const APPLIED_KEYS_KEPT = 500;

export function addEvent(state: PrivateRentalState, now: number, event: Omit<CaseEvent, 'seq' | 'at'>): void {
  state.unsavedEvents.push({ ...event, seq: state.nextEventSeq++, at: now });
  state.version++;
}

export function addRecord(state: PrivateRentalState, key: string, data: Record<string, unknown>): void {
  state.unsavedRecords.push({ kind: 'private_rental', key, data });
}

export function openTask(state: PrivateRentalState, now: number, task: Omit<Task, 'createdAt'>): void {
  state.tasks = state.tasks.filter((t) => t.id !== task.id);
  state.tasks.push({ ...task, createdAt: now });
  state.version++;
}

export function closeTask(state: PrivateRentalState, id: string): void {
  if (!state.tasks.some((t) => t.id === id)) return;
  state.tasks = state.tasks.filter((t) => t.id !== id);
  state.version++;
}

export const hasTask = (state: PrivateRentalState, id: string) => state.tasks.some((t) => t.id === id);

export function rememberResult(state: PrivateRentalState, key: string, result: unknown): void {
  remember(state, key, result, APPLIED_KEYS_KEPT);
}

export const chosenCandidate = (state: PrivateRentalState): Candidate | undefined => state.candidates.find((c) => c.status === 'chosen');
export const currentLeaseCheck = (state: PrivateRentalState): LeaseCheck | undefined => {
  const chosen = chosenCandidate(state);
  return chosen ? state.leaseChecks.findLast((c) => c.candidate === chosen.seq) : undefined;
};

export function nextDeadline(state: PrivateRentalState): IsoDate | undefined {
  return state.tasks.map((t) => t.dueDate).sort()[0];
}

/** Flags tasks whose deadline has passed; each missed deadline goes on the timeline once. */
export function markOverdueTasks(state: PrivateRentalState, now: number): Task[] {
  const marked: Task[] = [];
  for (const task of state.tasks) {
    if (task.overdue || osloInstant(addDays(task.dueDate, 1)) > now) continue;
    task.overdue = true;
    marked.push(task);
    addEvent(state, now, {
      kind: 'deadline_missed',
      summary: `Fristen ${task.dueDate} for «${task.title}» er passert (${osloDate(now)}).`,
      data: { taskId: task.id, role: task.role, assigneeId: task.assigneeId },
    });
  }
  return marked;
}

export function closePrivateRental(state: PrivateRentalState, outcome: NonNullable<PrivateRentalState['outcome']>, today: IsoDate): void {
  state.status = 'closed';
  state.phase = 'closed';
  state.outcome = outcome;
  state.closedDate = today;
  state.tasks = [];
  state.version++;
}
