import { addDays, compareDates, daysBetween, isBusinessDay, previousBusinessDay, type IsoDate } from '../calendar';
import type { ChargeStatus, LedgerSummary } from './ledger';

/**
 * Housing allowance (bostøtte) paid to the municipality under the tenant's transporterklæring.
 *
 * Husbanken pays around the 20th of the month the allowance covers, on the previous business day
 * when the 20th is not one; amounts under NOK 300 are not paid out. The tenant pays their own share
 * (rent less the expected allowance) on the rent's due date, so the allowance part of a charge is
 * not the tenant's arrears while it is on its way. Only an allowance missing past its payout date
 * plus the municipality's grace is a problem, and it is the housing office's (check the decision),
 * not the tenant's. An allowance that arrives lower than expected, or a decision that lowers it,
 * makes the difference the tenant's from that date. The ledger keeps the other rule: an allowance
 * pays only its own month, never old arrears.
 */

/** Task ID prefix of «the allowance for YYYY-MM has not come»; the period follows it. */
export const ALLOWANCE_TASK = 'allowance-missing-';

/** Husbanken does not pay out an allowance under NOK 300 a month. */
export const ALLOWANCE_MIN_PAYOUT_ORE = 30_000;

/** The allowance decision (vedtak) as the housing office recorded it: the monthly amount from a rent period on. */
export interface AllowanceExpectation {
  fromPeriod: string;
  monthlyOre: number;
  /** When it was recorded: a lowered amount is the tenant's from this date at the earliest. */
  date: IsoDate;
}

/** What Husbanken pays for a monthly allowance decided at `monthlyOre`. */
export const paidOutOre = (monthlyOre: number): number => (monthlyOre < ALLOWANCE_MIN_PAYOUT_ORE ? 0 : monthlyOre);

/** The 20th of the month the allowance covers, or the business day before it. */
export function allowancePayoutDate(period: string): IsoDate {
  const twentieth = `${period}-20`;
  return isBusinessDay(twentieth) ? twentieth : previousBusinessDay(twentieth);
}

/** The allowance counts as missing after this day (payout date plus the municipality's grace days). */
export const allowanceLateAfter = (period: string, graceDays: number): IsoDate => addDays(allowancePayoutDate(period), graceDays);

export interface AllowanceTerms {
  expectations: readonly AllowanceExpectation[];
  /** Transporterklæring withdrawn: from this period the allowance goes to the tenant, and all rent is theirs. */
  withdrawnFrom?: string;
  graceDays: number;
}

/** The decisions that cover `period`, oldest first (the last one is in force). */
function covering(terms: AllowanceTerms, period: string): AllowanceExpectation[] {
  if (terms.withdrawnFrom && period >= terms.withdrawnFrom) return [];
  return terms.expectations.filter((e) => e.fromPeriod <= period);
}

export interface AwaitedAllowance {
  period: string;
  expectedOre: number;
  payoutDate: IsoDate;
  lateAfter: IsoDate;
  /** Past its payout date plus grace and still not here: a task for the housing office. */
  missing: boolean;
}

/**
 * The ledger summary as the tenant owes it: the allowance still on its way is not the tenant's
 * arrears, and a shortfall counts from the payout date (or the later decision), not the rent's due
 * date. Tenant money already paid is taken as paying the tenant's earliest obligations first.
 */
export function tenantSummary(summary: LedgerSummary, terms: AllowanceTerms): { summary: LedgerSummary; awaited: AwaitedAllowance[] } {
  const awaited: AwaitedAllowance[] = [];
  const charges: ChargeStatus[] = summary.charges.map((c) => {
    const decisions = covering(terms, c.period);
    const inForce = decisions.at(-1);
    if (!inForce) return c;
    const expected = paidOutOre(inForce.monthlyOre);
    const before = decisions.length > 1 ? paidOutOre(decisions.at(-2)!.monthlyOre) : expected;
    const payoutDate = allowancePayoutDate(c.period);
    let left = c.outstandingOre;
    // The parts of what is unpaid, latest obligation first: allowance on its way, then a lowered
    // decision's difference, then a lower payout's difference; what remains was due on the due date.
    const take = (amount: number): number => {
      const used = Math.min(Math.max(0, amount), left);
      left -= used;
      return used;
    };
    if (c.allowanceOre === 0 && expected > 0) {
      const part = take(expected);
      if (part > 0) {
        const lateAfter = addDays(payoutDate, terms.graceDays);
        awaited.push({ period: c.period, expectedOre: part, payoutDate, lateAfter, missing: compareDates(summary.asOf, lateAfter) > 0 });
      }
    }
    const fromDecision = take(before - Math.max(expected, c.allowanceOre));
    const fromPayout = c.allowanceOre > 0 ? take(expected - c.allowanceOre) : 0;
    const fromDue = left;
    const tenantOwes = fromDecision + fromPayout + fromDue;
    const dueDate =
      fromDue > 0
        ? c.dueDate
        : fromPayout > 0
          ? latest(c.dueDate, payoutDate)
          : fromDecision > 0
            ? latest(c.dueDate, latest(payoutDate, inForce.date))
            : c.dueDate;
    return { ...c, dueDate, outstandingOre: tenantOwes };
  });
  return { summary: resummarize(summary, charges), awaited };
}

const latest = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) >= 0 ? a : b);

/** The summary's derived figures again, from the tenant's charges (same rules as `summarizeLedger`). */
function resummarize(summary: LedgerSummary, charges: ChargeStatus[]): LedgerSummary {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const overdue = charges
    .filter((c) => compareDates(c.dueDate, summary.asOf) < 0 && c.outstandingOre > 0)
    .sort((a, b) => compareDates(a.dueDate, b.dueDate));
  const overdueOre = sum(overdue.map((c) => c.outstandingOre));
  const oldest = overdue[0]?.dueDate;
  const latestCharge = summary.charges.at(-1);
  const { oldestUnpaidDueDate: _old, ...rest } = summary;
  return {
    ...rest,
    balanceOre: sum(charges.map((c) => c.outstandingOre)),
    overdueOre,
    ...(oldest !== undefined ? { oldestUnpaidDueDate: oldest } : {}),
    arrearsAgeDays: oldest !== undefined ? daysBetween(oldest, summary.asOf) : 0,
    monthsInArrears: latestCharge ? Math.floor((overdueOre * 100) / latestCharge.amountOre) / 100 : 0,
    unpaidCharges: overdue.length,
    charges,
  };
}
