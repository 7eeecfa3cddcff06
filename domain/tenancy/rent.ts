import { addBusinessDays, addDays, compareDates, daysBetween, endOfMonth, osloDate, type IsoDate } from '../calendar';
import { kidForCase } from '../rent/kid';
import { stepIndex, warningStepIndex, type LadderAction, type RentLadder } from '../rent/ladder';
import { formatKroner, settlementOf, settlementText, type LedgerSummary } from '../rent/ledger';
import { dueDateFor, nextPeriod, periodLabel, rentPeriod } from '../rent/schedule';
import { ROLE_LABELS, type Role } from '../roles';
import { addEvent, addRecord, closeTask, currentLease, hasFeature, openTask, policyOf, type TenancyState } from './state';
import { ALLOWANCE_TASK, tenantSummary } from '../rent/allowance';
import { queueNotice, takeAction } from './rent-steps';

export { navNotice911Text } from './rent-steps';

/**
 * The tenancy's side of rent: which charges fall due, when the balance is checked, and the walk up
 * (and down) the arrears ladder. The ledger itself lives in the database, where payments arrive;
 * the workflow posts charges and reads the derived balance through one activity (`syncRentLedger`),
 * and this module decides what the balance means. The goal is never to reach the last step.
 */

export interface PaymentPlan {
  agreedDate: IsoDate;
  agreedById: string;
  /** Overdue when agreed: each instalment should bring what is overdue down by its amount. */
  arrearsAtAgreementOre: number;
  instalments: Array<{ dueDate: IsoDate; amountOre: number; result?: 'kept' | 'missed' }>;
  status: 'active' | 'completed' | 'broken';
  endedDate?: IsoDate;
  note?: string;
}

export interface CommitteeDecision {
  outcome: 'approve_eviction_request' | 'reject_eviction_request';
  date: IsoDate;
  meetingId?: string;
  byId: string;
  note?: string;
}

/** One run of arrears from the first missed due date until everything overdue is paid. */
export interface ArrearsEpisode {
  firstMissedDueDate: IsoDate;
  openedDate: IsoDate;
  /** First time anyone reached out (reminder, follow-up worker, NAV): the ops figure «time to first contact». */
  firstContactDate?: IsoDate;
  /** Each step taken, with what was done: who, what, when. */
  steps: Array<{ key: string; date: IsoDate; actions: LadderAction[] }>;
  plans: PaymentPlan[];
  warning?: { sentDate: IsoDate; amountOre: number; earliestEvictionRequest: IsoDate; navNoticeDate?: IsoDate; /** Sent by registered post too (the clock counts from its receipt). */ postedDate?: IsoDate; /** The letter the ladder made for it (patched 'ladder-makes-letters'). */ letterId?: string };
  committee?: { requestedDate: IsoDate; decision?: CommitteeDecision };
  evictionRequest?: { filedDate: IsoDate; byId: string; note?: string };
}

export interface RentState {
  ladder: RentLadder;
  kid: string;
  /** The next period without a posted charge. */
  nextChargePeriod: string;
  /** Due date of the latest posted charge: the monthly check runs when its grace period is over. */
  lastChargeDue?: IsoDate;
  /** The latest payment import that told this case about a payment. */
  lastImportId?: string;
  lastCheck?: IsoDate;
  /** A payment import or a staff action touched the ledger: check at once. */
  checkRequested?: boolean;
  balance?: Pick<LedgerSummary, 'asOf' | 'balanceOre' | 'overdueOre' | 'arrearsAgeDays' | 'monthsInArrears' | 'oldestUnpaidDueDate' | 'creditOre' | 'allowanceExcessOre'>;
  /** Key of the ladder step the case stands on; absent when nothing is overdue. */
  step?: string;
  episode?: ArrearsEpisode;
  /** Closed episodes, newest last, kept short: the timeline has the full story. */
  pastEpisodes: Array<Pick<ArrearsEpisode, 'firstMissedDueDate' | 'openedDate' | 'firstContactDate'> & { closedDate: IsoDate; highestStep?: string; plansBroken: number; plansCompleted: number }>;
  /** Monthly settlements (avregning) sent up to and including this period. */
  settledThrough?: string;
  /** Husleieloven § 9-11: the tenant refused notices to NAV in writing. */
  navNoticeRefusedDate?: IsoDate;
  /** Transporterklæring withdrawn: from this period the full rent falls on the tenant. */
  allowanceWithdrawnFrom?: string;
  /** Allowance on its way (not the tenant's arrears): checked again the day after `lateAfter`. */
  allowanceAwaited?: Array<{ period: string; lateAfter: IsoDate }>;
  /** Months whose missing allowance the housing office was already asked to check. */
  allowanceMissingReported?: string[];
}

/** What the rent check asks the ledger activity to do: post these charges, then report the balance. */
export interface RentCharge {
  period: string;
  dueDate: IsoDate;
  amountOre: number;
}

export interface RentAccount {
  caseId: string;
  municipality: string;
  kid: string;
  monthlyRentOre: number;
  dueDay: number;
  allowanceAssigned: boolean;
  allowanceWithdrawnFrom?: string;
}

/** A message for the tenant or a role's mailbox, sent by the workflow through the outbox. */
export interface PendingNotice {
  key: string;
  to: 'tenant' | Role;
  subject: string;
  body: string;
  /** The role whose mailbox is given as the municipality's contact at the end of the notice. */
  contactRole?: Role;
}

const PAST_EPISODES_KEPT = 24;
const RENT_TASK = 'rent-';

const monthlyRent = (state: TenancyState): number => currentLease(state)?.monthlyRentOre ?? state.monthlyRentOre ?? 0;

function daysInMonth(period: string): number {
  return Number(endOfMonth(`${period}-01`).slice(8, 10));
}

/**
 * Rent starts at move-in: the first month is charged for the days left in it, due on the move-in day.
 * A case that moved in before the ledger existed starts with next month's rent (`from`).
 */
export function startRent(state: TenancyState, from: { moveIn: IsoDate } | { nextMonthAfter: IsoDate }): void {
  const ladder = policyOf(state).rentLadder;
  const nextChargePeriod = 'moveIn' in from ? rentPeriod(from.moveIn) : nextPeriod(rentPeriod(from.nextMonthAfter));
  state.rent = { ladder, kid: kidForCase(state.caseId), nextChargePeriod, pastEpisodes: [], checkRequested: true };
  state.version++;
}

/** The charge for `period`, or undefined when the tenant has moved out by then. */
function chargeFor(state: TenancyState, period: string): RentCharge | undefined {
  const moveIn = state.moveInDate!;
  if (state.ending && compareDates(`${period}-01`, state.ending.moveOutDate) > 0) return undefined;
  const regular = dueDateFor(period, state.rent!.ladder.dueDay);
  const first = period === rentPeriod(moveIn);
  const dueDate = first && compareDates(moveIn, regular) > 0 ? moveIn : regular;
  const days = daysInMonth(period);
  const daysCharged = first ? days - Number(moveIn.slice(8, 10)) + 1 : days;
  return { period, dueDate, amountOre: Math.round((monthlyRent(state) * daysCharged) / days) };
}

/** Charges whose due date has come, up to move-out. */
export function chargesDue(state: TenancyState, today: IsoDate): RentCharge[] {
  if (!state.rent || !state.moveInDate) return [];
  const charges: RentCharge[] = [];
  for (let charge = chargeFor(state, state.rent.nextChargePeriod); charge && compareDates(charge.dueDate, today) <= 0; charge = chargeFor(state, nextPeriod(charge.period))) {
    charges.push(charge);
  }
  return charges;
}

export function rentAccount(state: TenancyState): RentAccount | undefined {
  const rent = state.rent;
  if (!rent) return undefined;
  return {
    caseId: state.caseId,
    municipality: state.municipality,
    kid: rent.kid,
    monthlyRentOre: monthlyRent(state),
    dueDay: rent.ladder.dueDay,
    allowanceAssigned: !!state.housingAllowance?.assignmentDeclarationSigned,
    ...(rent.allowanceWithdrawnFrom ? { allowanceWithdrawnFrom: rent.allowanceWithdrawnFrom } : {}),
  };
}

/** Days on which the balance must be looked at, with the reason, in Norwegian. */
export function rentWakeDates(state: TenancyState): Array<{ date: IsoDate; reason: string }> {
  const rent = state.rent;
  if (!rent || state.status !== 'active' || state.phase !== 'follow_up') return [];
  const { ladder } = rent;
  const dates: Array<{ date: IsoDate; reason: string }> = [];
  const next = state.moveInDate ? chargeFor(state, rent.nextChargePeriod) : undefined;
  if (next) dates.push({ date: next.dueDate, reason: `Husleie for ${next.period} forfaller` });
  if (rent.lastChargeDue) dates.push({ date: addDays(rent.lastChargeDue, ladder.graceDays + 1), reason: `Husleiekontroll etter forfall ${rent.lastChargeDue} og ${ladder.graceDays} dagers frist` });
  const oldest = rent.balance?.oldestUnpaidDueDate;
  const plan = rent.episode?.plans.at(-1);
  if (oldest && plan?.status !== 'active') {
    for (const step of ladder.steps) {
      if (step.fromDay !== undefined) dates.push({ date: addDays(oldest, step.fromDay), reason: `Restansen når ${step.fromDay} dager: ${step.label}` });
    }
  }
  if (plan?.status === 'active') {
    for (const i of plan.instalments) {
      if (!i.result) dates.push({ date: addDays(i.dueDate, ladder.paymentPlan.toleranceDays + 1), reason: `Kontroll av avdrag ${formatKroner(i.amountOre)} forfalt ${i.dueDate}` });
    }
  }
  for (const a of rent.allowanceAwaited ?? []) dates.push({ date: addDays(a.lateAfter, 1), reason: `Kontroll av bostøtte for ${a.period}` });
  const warning = rent.episode?.warning;
  if (warning && !rent.episode?.committee) dates.push({ date: warning.earliestEvictionRequest, reason: 'Ventetiden etter varsel om fravikelse er over' });
  return dates.filter((d) => !rent.lastCheck || compareDates(d.date, rent.lastCheck) > 0).sort((a, b) => compareDates(a.date, b.date));
}

export function rentCheckDue(state: TenancyState, today: IsoDate): boolean {
  if (!state.rent || state.status !== 'active' || state.phase !== 'follow_up') return false;
  return !!state.rent.checkRequested || rentWakeDates(state).some((d) => compareDates(d.date, today) <= 0);
}

/** Overdue beyond the grace period: rent still inside its grace days never counts against a plan. */
function overdueBeyondGrace(summary: LedgerSummary, graceDays: number): number {
  return summary.charges.filter((c) => compareDates(addDays(c.dueDate, graceDays), summary.asOf) < 0).reduce((sum, c) => sum + c.outstandingOre, 0);
}

/** The ladder level shown as the escalation search attribute: 1 + the step's index (0 when none). */
export function rentLevel(state: TenancyState): number {
  const rent = state.rent;
  return rent?.step ? stepIndex(rent.ladder, rent.step) + 1 : 0;
}

/** What the balance means: applied after every check. `posted` are the charges the activity wrote. */
export function applyRentCheck(state: TenancyState, posted: RentCharge[], ledgerSummary: LedgerSummary, now: number): void {
  let summary = ledgerSummary;
  const rent = state.rent!;
  const today = osloDate(now);
  const { ladder } = rent;
  const last = posted.at(-1);
  if (last) {
    rent.nextChargePeriod = nextPeriod(last.period);
    rent.lastChargeDue = last.dueDate;
  }
  rent.lastCheck = today;
  rent.checkRequested = false;
  rent.balance = {
    asOf: summary.asOf,
    balanceOre: summary.balanceOre,
    overdueOre: summary.overdueOre,
    arrearsAgeDays: summary.arrearsAgeDays,
    monthsInArrears: summary.monthsInArrears,
    creditOre: summary.creditOre,
    allowanceExcessOre: summary.allowanceExcessOre,
    ...(summary.oldestUnpaidDueDate ? { oldestUnpaidDueDate: summary.oldestUnpaidDueDate } : {}),
  };
  state.version++;
  sendSettlements(state, summary);
  if (hasFeature(state, 'allowance-awaited')) {
    summary = followAllowance(state, summary, now, today);
    const { asOf: _a, ...figures } = rent.balance;
    rent.balance = {
      ...figures,
      asOf: summary.asOf,
      balanceOre: summary.balanceOre,
      overdueOre: summary.overdueOre,
      arrearsAgeDays: summary.arrearsAgeDays,
      monthsInArrears: summary.monthsInArrears,
    };
    delete rent.balance.oldestUnpaidDueDate;
    if (summary.oldestUnpaidDueDate) rent.balance.oldestUnpaidDueDate = summary.oldestUnpaidDueDate;
  }

  // Cleared means nothing owed at all: old arrears paid with this month's rent on its due date
  // leave this month unpaid, and the episode (and any plan) goes on until that is paid too.
  if (summary.overdueOre === 0 && (summary.balanceOre === 0 || !rent.episode)) {
    if (rent.episode) closeEpisode(state, now, today);
    return;
  }
  const episode = (rent.episode ??= openEpisode(state, now, today, summary));
  const plan = episode.plans.at(-1);
  if (plan?.status === 'active') {
    checkInstalments(state, plan, overdueBeyondGrace(summary, ladder.graceDays), now, today);
    if (plan.status === 'active') return;
  }
  moveToStep(state, targetStep(state, summary, today), summary, now, today);
}

/**
 * Under a transporterklæring the ladder sees only what the tenant owes: the allowance on its way is
 * not arrears. An allowance missing past its payout date and grace becomes a task for the housing
 * office (check the decision), once per month; one that arrives closes it. Returns the tenant's summary.
 */
function followAllowance(state: TenancyState, summary: LedgerSummary, now: number, today: IsoDate): LedgerSummary {
  const rent = state.rent!;
  const allowance = state.housingAllowance;
  if (!allowance?.expected?.length || !(allowance.assignmentDeclarationSigned || rent.allowanceWithdrawnFrom)) {
    rent.allowanceAwaited = undefined;
    return summary;
  }
  const tenant = tenantSummary(summary, {
    expectations: allowance.expected,
    graceDays: rent.ladder.graceDays,
    ...(rent.allowanceWithdrawnFrom ? { withdrawnFrom: rent.allowanceWithdrawnFrom } : {}),
  });
  const missing = new Set(tenant.awaited.filter((a) => a.missing).map((a) => a.period));
  for (const task of state.tasks.filter((t) => t.id.startsWith(ALLOWANCE_TASK))) {
    if (!missing.has(task.id.slice(ALLOWANCE_TASK.length))) closeTask(state, task.id);
  }
  const reported = (rent.allowanceMissingReported ??= []);
  for (const a of tenant.awaited.filter((x) => x.missing && !reported.includes(x.period))) {
    reported.push(a.period);
    openTask(state, now, {
      id: `${ALLOWANCE_TASK}${a.period}`,
      kind: 'allowance_missing',
      title: `Bostøtte for ${periodLabel(a.period)} (${formatKroner(a.expectedOre)}) er ikke kommet: sjekk vedtaket hos Husbanken og registrer det`,
      role: 'housing_office',
      dueDate: addBusinessDays(today, 3),
    });
    addEvent(state, now, {
      kind: 'allowance_missing',
      actorId: 'botrygg',
      summary: `Bostøtte for ${periodLabel(a.period)} skulle vært utbetalt ${a.payoutDate} og er ikke kommet. Boligkontoret sjekker vedtaket; leietaker får ingen påminnelse for denne delen.`,
      data: { period: a.period, expectedOre: a.expectedOre, payoutDate: a.payoutDate },
    });
  }
  reported.splice(0, Math.max(0, reported.length - PAST_EPISODES_KEPT));
  const waiting = tenant.awaited.filter((a) => !a.missing).map((a) => ({ period: a.period, lateAfter: a.lateAfter }));
  // A difference that became the tenant's later than the rent's due date is checked after its own grace.
  const original = new Map(summary.charges.map((c) => [c.period, c.dueDate]));
  for (const c of tenant.summary.charges) {
    if (c.outstandingOre > 0 && c.dueDate !== original.get(c.period) && compareDates(c.dueDate, today) >= 0) {
      waiting.push({ period: c.period, lateAfter: addDays(c.dueDate, rent.ladder.graceDays) });
    }
  }
  rent.allowanceAwaited = waiting.length ? waiting : undefined;
  state.version++;
  return tenant.summary;
}

function openEpisode(state: TenancyState, now: number, today: IsoDate, summary: LedgerSummary): ArrearsEpisode {
  addEvent(state, now, {
    kind: 'rent_overdue',
    summary: `Husleie forfalt ${summary.oldestUnpaidDueDate} er ikke betalt: ${formatKroner(summary.overdueOre)} er forfalt.`,
    data: { overdueOre: summary.overdueOre, oldestUnpaidDueDate: summary.oldestUnpaidDueDate },
  });
  return { firstMissedDueDate: summary.oldestUnpaidDueDate ?? today, openedDate: today, steps: [], plans: [] };
}

function closeEpisode(state: TenancyState, now: number, today: IsoDate): void {
  const rent = state.rent!;
  const episode = rent.episode!;
  const plan = episode.plans.at(-1);
  if (plan?.status === 'active') {
    plan.status = 'completed';
    plan.endedDate = today;
    addRecord(state, { kind: 'payment_plan', key: `${episode.firstMissedDueDate}#${episode.plans.length}`, data: { ...plan } });
  }
  rent.pastEpisodes.push({
    firstMissedDueDate: episode.firstMissedDueDate,
    openedDate: episode.openedDate,
    ...(episode.firstContactDate ? { firstContactDate: episode.firstContactDate } : {}),
    closedDate: today,
    ...(episode.steps.length ? { highestStep: episode.steps.at(-1)!.key } : {}),
    plansBroken: episode.plans.filter((p) => p.status === 'broken').length,
    plansCompleted: episode.plans.filter((p) => p.status === 'completed').length,
  });
  rent.pastEpisodes.splice(0, Math.max(0, rent.pastEpisodes.length - PAST_EPISODES_KEPT));
  const message = rent.step
    ? `Restansen er betalt. Oppfølgingen av husleien stanser (${ladderStepLabel(state, rent.step)}), og saken er tilbake på trinn 0.`
    : 'Restansen er betalt innen fristen.';
  addEvent(state, now, { kind: 'arrears_cleared', summary: message, data: { firstMissedDueDate: episode.firstMissedDueDate, step: rent.step } });
  rent.episode = undefined;
  rent.step = undefined;
  state.tasks = state.tasks.filter((t) => !t.id.startsWith(RENT_TASK));
  state.version++;
}

function ladderStepLabel(state: TenancyState, key: string): string {
  return state.rent!.ladder.steps.find((s) => s.key === key)?.label ?? key;
}

/** Where the arrears put the case now: partial payment moves it down, except past the legal warning. */
function targetStep(state: TenancyState, summary: LedgerSummary, today: IsoDate): number {
  const rent = state.rent!;
  const { ladder } = rent;
  const episode = rent.episode!;
  let target = -1;
  ladder.steps.forEach((step, i) => {
    const byDays = step.fromDay !== undefined && summary.arrearsAgeDays >= step.fromDay;
    const byAmount = step.moreThanMonthsOfRent !== undefined && summary.monthsInArrears > step.moreThanMonthsOfRent;
    if (byDays || byAmount) target = i;
  });
  if (episode.plans.some((p) => p.status === 'broken')) target = Math.max(target, stepIndex(ladder, ladder.paymentPlan.onBreak));
  if (episode.warning) {
    // The § 4-18 warning is out and its time runs: the case stays there until the arrears are paid.
    target = Math.max(target, warningStepIndex(ladder));
    if (compareDates(today, episode.warning.earliestEvictionRequest) >= 0) {
      const committee = ladder.steps.findIndex((s) => s.afterWarningWait);
      if (committee >= 0) target = Math.max(target, committee);
    }
  }
  return target;
}

function moveToStep(state: TenancyState, target: number, summary: LedgerSummary, now: number, today: IsoDate): void {
  const rent = state.rent!;
  const episode = rent.episode!;
  const current = stepIndex(rent.ladder, rent.step);
  if (target === current) return;
  if (target < current) {
    rent.step = target >= 0 ? rent.ladder.steps[target]!.key : undefined;
    addEvent(state, now, {
      kind: 'arrears_recalculated',
      summary: `Delbetaling: restansen er nå ${formatKroner(summary.overdueOre)}, ${summary.arrearsAgeDays} dager. Saken står nå på ${rent.step ? `«${ladderStepLabel(state, rent.step)}»` : 'trinn 0'}.`,
      data: { overdueOre: summary.overdueOre, step: rent.step },
    });
    return;
  }
  for (let i = current + 1; i <= target; i++) {
    const step = rent.ladder.steps[i]!;
    if (episode.steps.some((s) => s.key === step.key)) continue;
    // Steps that need time to pass (the warning's wait) are only entered when they are the target.
    if (step.afterWarningWait && i !== target) continue;
    episode.steps.push({ key: step.key, date: today, actions: [...step.actions] });
    const done = step.actions.map((action) => takeAction(state, action, summary, now, today));
    rent.step = step.key;
    addEvent(state, now, {
      kind: 'rent_ladder_step',
      actorId: 'botrygg',
      summary: `Husleierestanse ${formatKroner(summary.overdueOre)} (${summary.arrearsAgeDays} dager): ${step.label}. ${done.join(' ')}`,
      data: { step: step.key, ladderVersion: rent.ladder.version, overdueOre: summary.overdueOre, arrearsAgeDays: summary.arrearsAgeDays, actions: step.actions },
    });
  }
  rent.step = rent.ladder.steps[target]!.key;
}

/** What became of a notice the workflow handed to the outbox, on the timeline. */
export function recordNoticeOutcome(state: TenancyState, n: PendingNotice, status: 'sent' | 'queued' | 'no_recipient', now: number): void {
  const to = n.to === 'tenant' ? 'leietaker' : ROLE_LABELS[n.to];
  if (status !== 'no_recipient') {
    addEvent(state, now, { kind: 'notice_sent', actorId: 'botrygg', summary: `«${n.subject}» er sendt til ${to}.`, data: { key: n.key, status } });
    return;
  }
  addEvent(state, now, { kind: 'notice_undeliverable', summary: `«${n.subject}» til ${to} ble ikke sendt: ingen e-postadresse er registrert.`, data: { key: n.key } });
  // A letter to the tenant must still reach them; a role without a mailbox has its task already.
  if (n.to !== 'tenant') return;
  openTask(state, now, {
    id: `rent-letter-${n.key.split('#').slice(2).join('-')}`,
    kind: 'send_letter',
    title: `Send «${n.subject}» til ${to} per post: e-postadresse mangler`,
    role: 'housing_officer',
    ...(state.housingOfficerId ? { assigneeId: state.housingOfficerId } : {}),
    dueDate: addBusinessDays(osloDate(now), 2),
  });
}

function checkInstalments(state: TenancyState, plan: PaymentPlan, overdueOre: number, now: number, today: IsoDate): void {
  const rent = state.rent!;
  let expected = plan.arrearsAtAgreementOre;
  for (const instalment of plan.instalments) {
    expected -= instalment.amountOre;
    if (instalment.result) continue;
    if (compareDates(addDays(instalment.dueDate, rent.ladder.paymentPlan.toleranceDays), today) >= 0) break;
    if (overdueOre <= Math.max(0, expected)) {
      instalment.result = 'kept';
      addEvent(state, now, { kind: 'instalment_kept', summary: `Avdraget som forfalt ${instalment.dueDate} er betalt.`, data: { dueDate: instalment.dueDate } });
      continue;
    }
    instalment.result = 'missed';
    plan.status = 'broken';
    plan.endedDate = today;
    addRecord(state, { kind: 'payment_plan', key: `${rent.episode!.firstMissedDueDate}#${rent.episode!.plans.length}`, data: { ...plan } });
    addEvent(state, now, {
      kind: 'payment_plan_broken',
      summary: `Betalingsordningen er brutt: avdraget som forfalt ${instalment.dueDate} er ikke betalt (${formatKroner(overdueOre)} forfalt, ventet høyst ${formatKroner(Math.max(0, expected))}). Saken går tilbake til stigen.`,
      data: { dueDate: instalment.dueDate, overdueOre, expectedOre: Math.max(0, expected) },
    });
    return;
  }
  if (plan.instalments.every((i) => i.result === 'kept')) {
    plan.status = 'completed';
    plan.endedDate = today;
    addRecord(state, { kind: 'payment_plan', key: `${rent.episode!.firstMissedDueDate}#${rent.episode!.plans.length}`, data: { ...plan } });
    addEvent(state, now, { kind: 'payment_plan_completed', summary: 'Alle avdrag i betalingsordningen er betalt.' });
  }
}

/** Housing allowance paid to the municipality: the tenant gets a monthly settlement of each period it covered. */
function sendSettlements(state: TenancyState, summary: LedgerSummary): void {
  const rent = state.rent!;
  for (const charge of summary.charges) {
    if (charge.allowanceOre === 0 || (rent.settledThrough && charge.period <= rent.settledThrough)) continue;
    queueNotice(state, {
      key: `${state.caseId}#settlement#${charge.period}`,
      to: 'tenant',
      subject: `Avregning av husleie og bostøtte for ${charge.period}`,
      body: settlementText(settlementOf(charge)),
    });
    rent.settledThrough = charge.period;
  }
}

/** Ops figures per case: where on the ladder, and how long from the first missed rent to first contact. */
export function daysToFirstContact(e: Pick<ArrearsEpisode, 'firstMissedDueDate' | 'firstContactDate'>): number | undefined {
  return e.firstContactDate ? daysBetween(e.firstMissedDueDate, e.firstContactDate) : undefined;
}
