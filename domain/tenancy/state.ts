import type { Application } from '../application';
import { addDays, deadline, osloDate, osloInstant, type IsoDate } from '../calendar';
import type { Role } from '../roles';

/**
 * The phases of a municipal tenancy (Veiviseren: «Valg av bolig og beboeroppfølgning»).
 * Stored as search attribute values and in the read model: never rename one.
 */
export const PHASES = ['application', 'allocation', 'lease', 'follow_up', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  application: 'Søknad og kartlegging',
  allocation: 'Tildeling',
  lease: 'Leiekontrakt og innflytting',
  follow_up: 'Oppfølging i leieforholdet',
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
  notes?: string;
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
  nextEventSeq: number;
  /** Timeline lines not yet confirmed written to the database. */
  unsavedEvents: CaseEvent[];
  /** Results of applied actions by idempotency key, so a resend returns the first answer. */
  applied: Record<string, unknown>;
  /** Insertion order of `applied`, to keep it bounded across years of actions. */
  appliedOrder: string[];
}

export const APPLIED_KEYS_KEPT = 500;
const MAPPING_INTERVIEW_WITHIN = { weeks: 2 } as const;

export function newTenancyState(input: {
  caseId: string;
  application: Application;
  now: number;
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
    dueDate: deadline(application.receivedDate, MAPPING_INTERVIEW_WITHIN),
  });
  return state;
}

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
  state.applied[key] = result;
  state.appliedOrder.push(key);
  while (state.appliedOrder.length > APPLIED_KEYS_KEPT) {
    const oldest = state.appliedOrder.shift();
    if (oldest !== undefined) delete state.applied[oldest];
  }
}

/** The earliest open task deadline: what the ops staff sort and filter on. */
export function nextDeadline(state: TenancyState): IsoDate | undefined {
  return state.tasks.map((t) => t.dueDate).sort()[0];
}

/** A task is overdue from the start of the day after its due date, Oslo time. */
function overdueFrom(task: Task): number {
  return osloInstant(addDays(task.dueDate, 1));
}

/** The next instant the workflow must wake up by itself, or undefined when only people can move it. */
export function nextWakeAt(state: TenancyState): number | undefined {
  const instants = state.tasks.filter((t) => !t.overdue).map(overdueFrom);
  return instants.length ? Math.min(...instants) : undefined;
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

/** What the query returns: state without bookkeeping. */
export type TenancyView = Omit<TenancyState, 'unsavedEvents' | 'applied' | 'appliedOrder' | 'nextEventSeq'> & {
  phaseLabel: string;
  nextDeadline?: IsoDate;
};

export function toView(state: TenancyState): TenancyView {
  const { unsavedEvents: _u, applied: _a, appliedOrder: _o, nextEventSeq: _n, ...rest } = state;
  return { ...rest, phaseLabel: PHASE_LABELS[state.phase], nextDeadline: nextDeadline(state) };
}
