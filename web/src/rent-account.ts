/**
 * What the rent account page says about the ladder: where the case stands, and what comes next and
 * when. Derived from the case's own ladder version and the ledger summary the API returns; the
 * workflow acts on the same numbers (domain/tenancy/rent.ts), this only tells staff in advance.
 */
export interface LadderStepDef {
  key: string;
  label: string;
  fromDay?: number;
  moreThanMonthsOfRent?: number;
  afterWarningWait?: boolean;
  actions: string[];
}

export interface PlanView {
  agreedDate: string;
  arrearsAtAgreementOre: number;
  instalments: Array<{ dueDate: string; amountOre: number; result?: 'kept' | 'missed' }>;
  status: 'active' | 'completed' | 'broken';
  endedDate?: string;
  note?: string;
}

export interface EpisodeView {
  firstMissedDueDate: string;
  openedDate: string;
  firstContactDate?: string;
  steps: Array<{ key: string; date: string; actions: string[] }>;
  plans: PlanView[];
  warning?: { sentDate: string; amountOre: number; earliestEvictionRequest: string; navNoticeDate?: string; postedDate?: string };
  committee?: { requestedDate: string; decision?: { outcome: string; date: string } };
}

export interface SummaryView {
  asOf: string;
  balanceOre: number;
  overdueOre: number;
  oldestUnpaidDueDate?: string;
  arrearsAgeDays: number;
  monthsInArrears: number;
  creditOre: number;
}

export const LADDER_ACTION_LABELS: Readonly<Record<string, string>> = {
  remind_tenant: 'betalingspåminnelse til leietaker',
  inform_follow_up: 'oppfølgeren får beskjed',
  three_party_meeting: 'innkalling til trepartsmøte',
  nav_contact: 'kontakt med NAV',
  warning_4_18: 'varsel etter tvangsfullbyrdelsesloven § 4-18',
  nav_notice_9_11: 'melding til NAV etter husleieloven § 9-11',
  committee_decision: 'boligutvalget tar stilling til begjæring om fravikelse',
};

export const ENTRY_KIND_LABELS: Readonly<Record<string, string>> = {
  charge: 'Husleie',
  payment: 'Innbetaling',
  housing_allowance: 'Bostøtte',
  credit: 'Kreditering',
  write_off: 'Avskrivning',
};

/** `YYYY-MM-DD` plus whole days, in calendar terms (no time zone involved). */
export function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

export type NextOnLadder =
  | { kind: 'none' }
  | { kind: 'plan'; plan: PlanView; next?: { dueDate: string; amountOre: number } }
  | { kind: 'step'; step: LadderStepDef; date?: string; earlierIfOverMonth: boolean }
  | { kind: 'last' };

/**
 * The next thing the ladder will do. Nothing overdue: nothing. An active payment plan holds the
 * ladder while each instalment is paid. Otherwise the step after the current one: a day step on
 * the oldest unpaid due date plus its day (earlier when it also triggers on months of rent owed),
 * the committee step when the warning's wait is over.
 */
export function nextOnLadder(steps: LadderStepDef[], current: string | null, episode: EpisodeView | null, summary: SummaryView): NextOnLadder {
  if (summary.overdueOre <= 0) return { kind: 'none' };
  const plan = episode?.plans.find((p) => p.status === 'active');
  if (plan) {
    const next = plan.instalments.find((i) => !i.result);
    return { kind: 'plan', plan, ...(next ? { next } : {}) };
  }
  const index = current ? steps.findIndex((s) => s.key === current) : -1;
  const step = steps[index + 1];
  if (!step) return { kind: 'last' };
  if (step.afterWarningWait) return { kind: 'step', step, ...(episode?.warning ? { date: episode.warning.earliestEvictionRequest } : {}), earlierIfOverMonth: false };
  const date = step.fromDay !== undefined && summary.oldestUnpaidDueDate ? addDaysIso(summary.oldestUnpaidDueDate, step.fromDay) : undefined;
  return { kind: 'step', step, ...(date ? { date } : {}), earlierIfOverMonth: step.moreThanMonthsOfRent !== undefined };
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** A rent month `2027-01` as «januar 2027». */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : period;
}
