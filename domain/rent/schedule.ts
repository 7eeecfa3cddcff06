import { addMonths, isValidIsoDate, nextBusinessDay, type IsoDate } from '../calendar';

/**
 * Rent periods and due dates. A rent period is a calendar month written 'YYYY-MM'; plain strings
 * compare in time order, so periods can be sorted and compared without parsing.
 */

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

const MONTH_NAMES = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

/** True for 'YYYY-MM' with a real month. */
export function isValidPeriod(s: string): boolean {
  return typeof s === 'string' && PERIOD_RE.test(s);
}

function assertPeriod(period: string): void {
  if (!isValidPeriod(period)) throw new RangeError(`Invalid rent period: ${JSON.stringify(period)}`);
}

/** The rent period ('YYYY-MM') a date falls in. */
export function rentPeriod(date: IsoDate): string {
  if (!isValidIsoDate(date)) throw new RangeError(`Invalid IsoDate: ${JSON.stringify(date)}`);
  return date.slice(0, 7);
}

export function nextPeriod(period: string): string {
  assertPeriod(period);
  return addMonths(`${period}-01`, 1).slice(0, 7);
}

/**
 * Day `dueDay` of the period's month, moved to the next business day: a tenant who pays on the first
 * business day after a weekend or public holiday has paid on time. `dueDay` stops at 28 so every month
 * has the day and the due date never slides into the next period.
 */
export function dueDateFor(period: string, dueDay: number): IsoDate {
  assertPeriod(period);
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28) throw new RangeError(`dueDay must be an integer 1..28, got ${dueDay}`);
  return nextBusinessDay(`${period}-${String(dueDay).padStart(2, '0')}`);
}

/** Every period from `firstPeriod` to `lastPeriod`, both included; empty when `lastPeriod` comes first. */
export function periodsBetween(firstPeriod: string, lastPeriod: string): string[] {
  assertPeriod(firstPeriod);
  assertPeriod(lastPeriod);
  const periods: string[] = [];
  for (let p = firstPeriod; p <= lastPeriod; p = nextPeriod(p)) {
    periods.push(p);
    // Stop before stepping past the last period: nextPeriod('9999-12') has no IsoDate to land on.
    if (p === lastPeriod) break;
  }
  return periods;
}

/** 'januar 2027': how a period is named to tenants and staff. */
export function periodLabel(period: string): string {
  assertPeriod(period);
  return `${MONTH_NAMES[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

/** '1. februar 2027': a date written out the Norwegian way, independent of the host locale. */
export function dateLabel(date: IsoDate): string {
  if (!isValidIsoDate(date)) throw new RangeError(`Invalid IsoDate: ${JSON.stringify(date)}`);
  return `${Number(date.slice(8, 10))}. ${periodLabel(date.slice(0, 7))}`;
}
