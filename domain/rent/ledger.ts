import { compareDates, daysBetween, isValidIsoDate, type IsoDate } from '../calendar';
import { dateLabel, isValidPeriod, periodLabel } from './schedule';

/**
 * The rent ledger is never stored as balances: it is derived from the entries every time, so a late
 * correction, a re-sent payments file or a changed `asOf` can never leave a stale balance behind.
 * The same entries and `asOf` always give the same summary (workflow code replays it).
 *
 * Allocation, in this order (the order is the rule, not the entries' order):
 * 1. A credit with a period reduces that period's rent. It comes before housing allowance because
 *    the allowance may only cover the rent actually owed for its period.
 * 2. Housing allowance (bostøtte) for period P reduces only the charge for P. Under the tenant's
 *    assignment declaration it may cover the same period's housing costs and never old arrears
 *    (Husbanken), so what is left over is owed back to the tenant (`allowanceExcessOre`) and is never
 *    used anywhere else.
 * 3. A write-off with a period reduces that period's charge.
 * 4. A write-off without a period reduces the oldest charges that were posted by its date.
 *    Write-offs come before tenant money: money paid after a write-off must go to rent still owed,
 *    not to the debt the municipality gave up.
 * 5. Tenant payments, credits without a period and the surplus of periodised credits pay the oldest
 *    outstanding charge first (FIFO by due date); what is left is the tenant's credit (`creditOre`).
 * A write-off larger than what it can reduce is simply not used: forgiving debt never creates money.
 */

export const LEDGER_ENTRY_KINDS = ['charge', 'payment', 'housing_allowance', 'credit', 'write_off'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export interface LedgerEntry {
  /** Stable dedup key: the same id twice counts once (a payments file imported again). */
  id: string;
  kind: LedgerEntryKind;
  /** Positive integer øre. */
  amountOre: number;
  /** Booking/value date; entries dated after `asOf` are ignored. */
  date: IsoDate;
  /** 'YYYY-MM': required for charge and housing_allowance; optional for credit and write_off; ignored on payments. */
  period?: string;
  /** Charges only: the due date, already moved to a business day. */
  dueDate?: IsoDate;
}

export interface ChargeStatus {
  period: string;
  dueDate: IsoDate;
  amountOre: number;
  allowanceOre: number;
  creditedOre: number;
  writtenOffOre: number;
  tenantPaidOre: number;
  outstandingOre: number;
  /** This month's allowance above what was left of its rent: owed back to the tenant. */
  allowanceExcessOre: number;
}

export interface LedgerSummary {
  asOf: IsoDate;
  /** Totals of the entries counted (date <= asOf), whether or not all of it could be allocated. */
  chargedOre: number;
  paidOre: number;
  allowanceOre: number;
  creditedOre: number;
  writtenOffOre: number;
  /** What the tenant owes now on charges posted (can be 0), never negative. */
  balanceOre: number;
  /** Outstanding on charges whose due date is before `asOf`. */
  overdueOre: number;
  oldestUnpaidDueDate?: IsoDate;
  /** Days from the oldest unpaid due date to `asOf`; 0 when nothing is overdue. */
  arrearsAgeDays: number;
  /** Overdue amount in months of the latest charge, floored to 2 decimals; 0 without charges. */
  monthsInArrears: number;
  /** Overdue charges with something outstanding. */
  unpaidCharges: number;
  /**
   * Tenant money not yet needed (prepayment), applied to future charges. Includes credits given for a
   * period whose charge is not posted yet: they wait for that charge and do not pay older arrears.
   */
  creditOre: number;
  /** Allowance above its own period's charge: owed back to the tenant, never used for other periods. */
  allowanceExcessOre: number;
  /** Allowance received for a period whose charge is not posted yet: held for that period. */
  allowancePendingOre: number;
  /** Posted charges, sorted by due date. */
  charges: ChargeStatus[];
}

export interface MonthlySettlement {
  period: string;
  dueDate: IsoDate;
  rentOre: number;
  allowanceOre: number;
  /** Credits and write-offs that reduced this period's rent (periodised or allocated to it). */
  creditedOre: number;
  writtenOffOre: number;
  /** Rent less allowance, credits and write-offs: what the tenant must pay for the period. */
  tenantShareOre: number;
  tenantPaidOre: number;
  outstandingOre: number;
  allowanceExcessOre: number;
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

const KINDS: ReadonlySet<string> = new Set<string>(LEDGER_ENTRY_KINDS);

function validateEntry(e: LedgerEntry): void {
  const what = `Ledger entry ${JSON.stringify(e?.id)}`;
  if (typeof e?.id !== 'string' || e.id.length === 0) throw new RangeError('Ledger entry id must be a non-empty string');
  if (!KINDS.has(e.kind)) throw new RangeError(`${what}: unknown kind ${JSON.stringify(e.kind)}`);
  if (!Number.isSafeInteger(e.amountOre) || e.amountOre <= 0) throw new RangeError(`${what}: amountOre must be a positive integer, got ${e.amountOre}`);
  if (!isValidIsoDate(e.date)) throw new RangeError(`${what}: invalid date ${JSON.stringify(e.date)}`);
  if (e.period !== undefined && !isValidPeriod(e.period)) throw new RangeError(`${what}: invalid period ${JSON.stringify(e.period)}`);
  if ((e.kind === 'charge' || e.kind === 'housing_allowance') && e.period === undefined) throw new RangeError(`${what}: a ${e.kind} needs a period`);
  if (e.kind === 'charge') {
    if (e.dueDate === undefined || !isValidIsoDate(e.dueDate)) throw new RangeError(`${what}: a charge needs a valid dueDate`);
  } else if (e.dueDate !== undefined) {
    throw new RangeError(`${what}: only charges have a dueDate`);
  }
}

function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  return a.kind === b.kind && a.amountOre === b.amountOre && a.date === b.date && a.period === b.period && a.dueDate === b.dueDate;
}

/** Validates every entry (also those after `asOf`: bad data is bad whenever it is dated). */
function distinctEntries(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const byId = new Map<string, LedgerEntry>();
  for (const e of entries) {
    validateEntry(e);
    const earlier = byId.get(e.id);
    if (!earlier) byId.set(e.id, e);
    // Silently keeping one of two different entries would hide a money error; fail loudly instead.
    else if (!sameEntry(earlier, e)) throw new RangeError(`Ledger entry id ${JSON.stringify(e.id)} is used for two different entries`);
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------

interface ChargeSlot {
  status: ChargeStatus;
  postedDate: IsoDate;
}

interface Allocation {
  counted: LedgerEntry[];
  slots: ChargeSlot[];
  creditOre: number;
  allowanceExcessOre: number;
  allowancePendingOre: number;
}

type AppliedField = 'allowanceOre' | 'creditedOre' | 'writtenOffOre' | 'tenantPaidOre';

/** Reduces the charge by up to `amount`; returns what did not fit. */
function apply(slot: ChargeSlot, amount: number, field: AppliedField): number {
  const used = Math.min(amount, slot.status.outstandingOre);
  slot.status[field] += used;
  slot.status.outstandingOre -= used;
  return amount - used;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// Entry order must not matter, so every pass walks the entries in one fixed order.
const byDateThenId = (a: { date: IsoDate; id: string }, b: { date: IsoDate; id: string }): number =>
  compareDates(a.date, b.date) || compareText(a.id, b.id);

function allocate(entries: readonly LedgerEntry[], asOf: IsoDate): Allocation {
  if (!isValidIsoDate(asOf)) throw new RangeError(`Invalid asOf: ${JSON.stringify(asOf)}`);
  const counted = distinctEntries(entries)
    .filter((e) => compareDates(e.date, asOf) <= 0)
    .sort(byDateThenId);

  const slots: ChargeSlot[] = counted
    .filter((e) => e.kind === 'charge')
    .map((e) => ({
      postedDate: e.date,
      status: {
        period: e.period!,
        dueDate: e.dueDate!,
        amountOre: e.amountOre,
        allowanceOre: 0,
        creditedOre: 0,
        writtenOffOre: 0,
        tenantPaidOre: 0,
        outstandingOre: e.amountOre,
        allowanceExcessOre: 0,
      },
    }))
    .sort((a, b) => compareDates(a.status.dueDate, b.status.dueDate) || compareText(a.status.period, b.status.period));

  const byPeriod = new Map<string, ChargeSlot>();
  for (const slot of slots) {
    // Allowance and periodised credits target "the" charge of a period, so there can only be one.
    if (byPeriod.has(slot.status.period)) throw new RangeError(`Two charges for rent period ${slot.status.period}`);
    byPeriod.set(slot.status.period, slot);
  }

  const ofKind = (kind: LedgerEntryKind, periodised: boolean): LedgerEntry[] =>
    counted.filter((e) => e.kind === kind && (e.period !== undefined) === periodised);

  let creditOre = 0;
  let allowanceExcessOre = 0;
  let allowancePendingOre = 0;
  const tenantMoney: Array<{ id: string; date: IsoDate; amount: number; field: 'creditedOre' | 'tenantPaidOre' }> = [];

  for (const e of ofKind('credit', true)) {
    const slot = byPeriod.get(e.period!);
    if (!slot) {
      creditOre += e.amountOre;
      continue;
    }
    const surplus = apply(slot, e.amountOre, 'creditedOre');
    if (surplus > 0) tenantMoney.push({ id: e.id, date: e.date, amount: surplus, field: 'creditedOre' });
  }

  for (const e of ofKind('housing_allowance', true)) {
    const slot = byPeriod.get(e.period!);
    if (!slot) {
      allowancePendingOre += e.amountOre;
      continue;
    }
    const surplus = apply(slot, e.amountOre, 'allowanceOre');
    slot.status.allowanceExcessOre += surplus;
    allowanceExcessOre += surplus;
  }

  for (const e of ofKind('write_off', true)) {
    const slot = byPeriod.get(e.period!);
    if (slot) apply(slot, e.amountOre, 'writtenOffOre');
  }

  for (const e of ofKind('write_off', false)) {
    let left = e.amountOre;
    for (const slot of slots) {
      if (left === 0) break;
      // A write-off is a decision about debt that existed then; it cannot reach rent charged later.
      if (compareDates(slot.postedDate, e.date) <= 0) left = apply(slot, left, 'writtenOffOre');
    }
  }

  for (const e of counted) {
    if (e.kind === 'payment') tenantMoney.push({ id: e.id, date: e.date, amount: e.amountOre, field: 'tenantPaidOre' });
    else if (e.kind === 'credit' && e.period === undefined) tenantMoney.push({ id: e.id, date: e.date, amount: e.amountOre, field: 'creditedOre' });
  }
  // All tenant money is FIFO; the order only decides whether a charge shows it as paid or credited.
  for (const money of tenantMoney.sort(byDateThenId)) {
    let left = money.amount;
    for (const slot of slots) {
      if (left === 0) break;
      left = apply(slot, left, money.field);
    }
    creditOre += left;
  }

  return { counted, slots, creditOre, allowanceExcessOre, allowancePendingOre };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export function summarizeLedger(entries: readonly LedgerEntry[], asOf: IsoDate): LedgerSummary {
  const { counted, slots, creditOre, allowanceExcessOre, allowancePendingOre } = allocate(entries, asOf);
  const total = (kind: LedgerEntryKind): number => sum(counted.filter((e) => e.kind === kind).map((e) => e.amountOre));
  const charges = slots.map((s) => ({ ...s.status }));
  // Paying on the due date is on time: overdue only once asOf is after it.
  const overdue = charges.filter((c) => compareDates(c.dueDate, asOf) < 0 && c.outstandingOre > 0);
  const overdueOre = sum(overdue.map((c) => c.outstandingOre));
  const oldestUnpaidDueDate = overdue[0]?.dueDate;
  const latest = charges[charges.length - 1];
  return {
    asOf,
    chargedOre: total('charge'),
    paidOre: total('payment'),
    allowanceOre: total('housing_allowance'),
    creditedOre: total('credit'),
    writtenOffOre: total('write_off'),
    balanceOre: sum(charges.map((c) => c.outstandingOre)),
    overdueOre,
    ...(oldestUnpaidDueDate !== undefined ? { oldestUnpaidDueDate } : {}),
    arrearsAgeDays: oldestUnpaidDueDate !== undefined ? daysBetween(oldestUnpaidDueDate, asOf) : 0,
    // Integer division first so the floor is exact, not subject to binary fractions.
    monthsInArrears: latest ? Math.floor((overdueOre * 100) / latest.amountOre) / 100 : 0,
    unpaidCharges: overdue.length,
    creditOre,
    allowanceExcessOre,
    allowancePendingOre,
    charges,
  };
}

/** How one period's rent was settled as of `asOf`; undefined when no charge for it is posted by then. */
export function monthlySettlement(entries: readonly LedgerEntry[], period: string, asOf: IsoDate): MonthlySettlement | undefined {
  if (!isValidPeriod(period)) throw new RangeError(`Invalid rent period: ${JSON.stringify(period)}`);
  const charge = summarizeLedger(entries, asOf).charges.find((c) => c.period === period);
  return charge && settlementOf(charge);
}

/** The settlement of one charge as the summary reports it. */
export function settlementOf(c: ChargeStatus): MonthlySettlement {
  return {
    period: c.period,
    dueDate: c.dueDate,
    rentOre: c.amountOre,
    allowanceOre: c.allowanceOre,
    creditedOre: c.creditedOre,
    writtenOffOre: c.writtenOffOre,
    tenantShareOre: c.amountOre - c.allowanceOre - c.creditedOre - c.writtenOffOre,
    tenantPaidOre: c.tenantPaidOre,
    outstandingOre: c.outstandingOre,
    allowanceExcessOre: c.allowanceExcessOre,
  };
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/**
 * '9 150,00 kr'. Written by hand rather than with Intl: Intl output depends on the host's ICU data
 * (e.g. no-break or narrow no-break spaces), and workflow code must produce the same text everywhere.
 */
export function formatKroner(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Amount in øre must be an integer, got ${ore}`);
  const abs = Math.abs(ore);
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
  const ore2 = String(abs % 100).padStart(2, '0');
  return `${ore < 0 ? '-' : ''}${kroner},${ore2} kr`;
}

/** A plain Norwegian statement of one period, for the tenant. */
export function settlementText(s: MonthlySettlement): string {
  const month = periodLabel(s.period);
  const lines = [`Husleie for ${month}, forfall ${dateLabel(s.dueDate)}: ${formatKroner(s.rentOre)}`];
  if (s.allowanceOre > 0) lines.push(`Bostøtte for ${month}: ${formatKroner(s.allowanceOre)}`);
  if (s.creditedOre > 0) lines.push(`Kreditert: ${formatKroner(s.creditedOre)}`);
  if (s.writtenOffOre > 0) lines.push(`Avskrevet: ${formatKroner(s.writtenOffOre)}`);
  lines.push(`Din del av husleien: ${formatKroner(s.tenantShareOre)}`);
  lines.push(`Betalt av deg: ${formatKroner(s.tenantPaidOre)}`);
  lines.push(s.outstandingOre > 0 ? `Du skylder for ${month}: ${formatKroner(s.outstandingOre)}` : `Husleien for ${month} er betalt.`);
  if (s.allowanceExcessOre > 0) {
    lines.push(
      `Bostøtten for ${month} var ${formatKroner(s.allowanceExcessOre)} mer enn husleien. ` +
        'Dette beløpet tilhører deg og blir betalt tilbake til deg. Bostøtte kan ikke brukes til å betale husleie for andre måneder.',
    );
  }
  return lines.join('\n');
}
