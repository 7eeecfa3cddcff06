import type { RentState } from '../tenancy/rent';
import { daysToFirstContact } from '../tenancy/rent';
import type { LedgerSummary } from './ledger';

/** What the ops staff see for a municipality's portfolio: no names, only counts and sums. */
export interface RentFigures {
  asOf: string;
  tenancies: number;
  totalArrearsOre: number;
  tenanciesInArrears: number;
  /** Ladder step key → tenancies standing on it; `none` for those with nothing overdue. */
  perStep: Record<string, number>;
  /** Days since the oldest unpaid rent fell due. */
  arrearsAge: { '1-5': number; '6-30': number; '31-60': number; '61-90': number; over90: number };
  paymentPlans: { active: number; completed: number; broken: number };
  /** From the first missed due date to the first reminder or contact, over all episodes on record. */
  daysToFirstContact: { episodes: number; median?: number; max?: number };
}

export function rentFigures(asOf: string, cases: Array<{ rent: RentState; summary: LedgerSummary }>): RentFigures {
  const figures: RentFigures = {
    asOf,
    tenancies: cases.length,
    totalArrearsOre: 0,
    tenanciesInArrears: 0,
    perStep: { none: 0 },
    arrearsAge: { '1-5': 0, '6-30': 0, '31-60': 0, '61-90': 0, over90: 0 },
    paymentPlans: { active: 0, completed: 0, broken: 0 },
    daysToFirstContact: { episodes: 0 },
  };
  for (const { key } of cases[0]?.rent.ladder.steps ?? []) figures.perStep[key] = 0;
  const contactDays: number[] = [];
  for (const { rent, summary } of cases) {
    figures.totalArrearsOre += summary.overdueOre;
    if (summary.overdueOre > 0) figures.tenanciesInArrears++;
    const step = rent.step ?? 'none';
    figures.perStep[step] = (figures.perStep[step] ?? 0) + 1;
    const age = summary.arrearsAgeDays;
    if (summary.overdueOre > 0) {
      const bucket = age <= 5 ? '1-5' : age <= 30 ? '6-30' : age <= 60 ? '31-60' : age <= 90 ? '61-90' : 'over90';
      figures.arrearsAge[bucket]++;
    }
    for (const plan of rent.episode?.plans ?? []) figures.paymentPlans[plan.status]++;
    for (const past of rent.pastEpisodes) {
      figures.paymentPlans.broken += past.plansBroken;
      figures.paymentPlans.completed += past.plansCompleted ?? 0;
    }
    for (const e of [...rent.pastEpisodes, ...(rent.episode ? [rent.episode] : [])]) {
      const days = daysToFirstContact(e);
      if (days !== undefined) contactDays.push(days);
    }
  }
  contactDays.sort((a, b) => a - b);
  figures.daysToFirstContact = {
    episodes: contactDays.length,
    ...(contactDays.length ? { median: contactDays[Math.floor((contactDays.length - 1) / 2)]!, max: contactDays.at(-1)! } : {}),
  };
  return figures;
}
