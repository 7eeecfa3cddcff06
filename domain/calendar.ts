/**
 * Pure calendar rules for Norwegian municipal casework.
 *
 * Imported from Temporal workflow code, so this module must stay deterministic:
 * no imports, no clock reads (never `Date.now()` / argument-less `new Date()`),
 * no I/O. Calendar dates are ISO strings 'YYYY-MM-DD'; instants are epoch ms.
 * Date arithmetic is done on integer day numbers (days since 1970-01-01) so it
 * is independent of the host time zone and of JS Date quirks (e.g. Date.UTC
 * mapping years 0–99 to 1900–1999).
 */

export type IsoDate = string;

export interface DeadlineAmount {
  days?: number;
  weeks?: number;
  months?: number;
  years?: number;
}

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

// ---------------------------------------------------------------------------
// Low-level civil <-> day-number conversion (Howard Hinnant's algorithms).
// ---------------------------------------------------------------------------

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a proleptic Gregorian date. */
function daysFromCivil({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): Ymd {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format({ y, m, d }: Ymd): IsoDate {
  // The string format only has room for four-digit years; fail loudly rather than emit garbage.
  if (y < 0 || y > 9999) throw new RangeError(`Year out of range for IsoDate: ${y}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function tryParse(s: string): Ymd | undefined {
  const match = ISO_DATE_RE.exec(s);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

function parse(s: IsoDate): Ymd {
  const ymd = tryParse(s);
  if (!ymd) throw new RangeError(`Invalid IsoDate: ${JSON.stringify(s)}`);
  return ymd;
}

function toDayNumber(d: IsoDate): number {
  return daysFromCivil(parse(d));
}

function fromDayNumber(days: number): IsoDate {
  return format(civilFromDays(days));
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

// ---------------------------------------------------------------------------
// Validation, comparison, weekdays
// ---------------------------------------------------------------------------

/** True for a real calendar date in strict 'YYYY-MM-DD' form (rejects 2025-02-30, '2025-2-3'). */
export function isValidIsoDate(s: string): boolean {
  return typeof s === 'string' && tryParse(s) !== undefined;
}

/** -1, 0 or 1, suitable for Array.prototype.sort. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** b − a in whole days (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(d: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (4).
  const wd = ((((toDayNumber(d) + 3) % 7) + 7) % 7) + 1;
  return wd as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------

export function addDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'days');
  return fromDayNumber(toDayNumber(d) + n);
}

export function addWeeks(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'weeks');
  return addDays(d, n * 7);
}

/** Calendar months; clamps to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'months');
  const { y, m, d: day } = parse(d);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return format({ y: ny, m: nm, d: Math.min(day, daysInMonth(ny, nm)) });
}

/** Calendar years; 29 Feb + 1 year = 28 Feb. */
export function addYears(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'years');
  return addMonths(d, n * 12);
}

export function startOfMonth(d: IsoDate): IsoDate {
  const { y, m } = parse(d);
  return format({ y, m, d: 1 });
}

export function endOfMonth(d: IsoDate): IsoDate {
  const { y, m } = parse(d);
  return format({ y, m, d: daysInMonth(y, m) });
}

// ---------------------------------------------------------------------------
// Holidays and business days
// ---------------------------------------------------------------------------

/** Easter Sunday, Gregorian calendar (anonymous / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): IsoDate {
  assertInteger(year, 'year');
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return format({ y: year, m: month, d: day });
}

// Deterministic memo: the result depends only on the year, so caching is workflow-safe.
const holidayCache = new Map<number, ReadonlyMap<IsoDate, string>>();

function holidaysFor(year: number): ReadonlyMap<IsoDate, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (m: number, d: number): IsoDate => format({ y: year, m, d });
  // Lov om helligdager og helligdagsfred + 1 May/17 May (lov om 1. og 17. mai).
  // Note: 24 and 31 December are NOT public holidays (only customary half days).
  const entries: Array<[IsoDate, string]> = [
    [fixed(1, 1), 'Første nyttårsdag'],
    [addDays(easter, -3), 'Skjærtorsdag'],
    [addDays(easter, -2), 'Langfredag'],
    [easter, 'Første påskedag'],
    [addDays(easter, 1), 'Andre påskedag'],
    [fixed(5, 1), 'Arbeidernes dag'],
    [fixed(5, 17), 'Grunnlovsdag'],
    [addDays(easter, 39), 'Kristi himmelfartsdag'],
    [addDays(easter, 49), 'Første pinsedag'],
    [addDays(easter, 50), 'Andre pinsedag'],
    [fixed(12, 25), 'Første juledag'],
    [fixed(12, 26), 'Andre juledag'],
  ];
  // Sorted by date. Ascension can fall on 1 or 17 May (e.g. 17 May 2012); then
  // the names are joined so neither is lost — it is still a single holiday date.
  entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const map = new Map<IsoDate, string>();
  for (const [date, name] of entries) {
    const existing = map.get(date);
    map.set(date, existing ? `${existing} og ${name}` : name);
  }
  holidayCache.set(year, map);
  return map;
}

/** Norwegian public holidays (offentlige høytidsdager) for a year, date → Norwegian name, in date order. */
export function norwegianPublicHolidays(year: number): Map<IsoDate, string> {
  // Return a copy so callers cannot corrupt the shared cache.
  return new Map(holidaysFor(year));
}

export function isPublicHoliday(d: IsoDate): boolean {
  return holidaysFor(parse(d).y).has(d);
}

/** Monday–Friday and not a public holiday. 24/31 December count as business days. */
export function isBusinessDay(d: IsoDate): boolean {
  return isoWeekday(d) <= 5 && !isPublicHoliday(d);
}

/** d itself if it is a business day, otherwise the first business day after it. */
export function nextBusinessDay(d: IsoDate): IsoDate {
  let cur = d;
  while (!isBusinessDay(cur)) cur = addDays(cur, 1);
  return cur;
}

/** d itself if it is a business day, otherwise the last business day before it (e.g. bostøtte payout). */
export function previousBusinessDay(d: IsoDate): IsoDate {
  let cur = d;
  while (!isBusinessDay(cur)) cur = addDays(cur, -1);
  return cur;
}

/** The n-th business day after d (d itself is never counted; n = 0 returns d unchanged). */
export function addBusinessDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'business days');
  if (n < 0) throw new RangeError(`addBusinessDays requires n >= 0, got ${n}`);
  let cur = d;
  for (let left = n; left > 0; ) {
    cur = addDays(cur, 1);
    if (isBusinessDay(cur)) left--;
  }
  return cur;
}

/**
 * Statutory deadline (fvl. § 29–30, domstolloven §§ 148–149): a deadline in weeks,
 * months or years ends on the day with the same name/number as the starting day
 * (clamped to month end), and if the last day is a Saturday, Sunday or public
 * holiday the deadline is extended to the next business day. Units are applied
 * largest first (years, months, weeks, days).
 */
export function deadline(from: IsoDate, amount: DeadlineAmount): IsoDate {
  let end = from;
  if (amount.years) end = addYears(end, amount.years);
  if (amount.months) end = addMonths(end, amount.months);
  if (amount.weeks) end = addWeeks(end, amount.weeks);
  if (amount.days) end = addDays(end, amount.days);
  return nextBusinessDay(end);
}

// ---------------------------------------------------------------------------
// Europe/Oslo time zone
// ---------------------------------------------------------------------------
// Norway has followed the EU summer-time rule since 1996: CEST (UTC+2) from the
// last Sunday of March 01:00 UTC until the last Sunday of October 01:00 UTC,
// otherwise CET (UTC+1). Computing this directly is deterministic and far cheaper
// than Intl; the unit tests cross-check it against Intl/tzdata. Not valid for
// instants before 1996.

/** Epoch ms of 01:00 UTC on the last Sunday of the given month (1..12). */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = daysFromCivil({ y: year, m: month, d: daysInMonth(year, month) });
  const weekday = ((((lastDay + 3) % 7) + 7) % 7) + 1; // 1..7, Sunday = 7
  const lastSunday = lastDay - (weekday % 7);
  return lastSunday * MS_PER_DAY + MS_PER_HOUR;
}

function isOsloSummerTime(instantMs: number): boolean {
  const year = civilFromDays(Math.floor(instantMs / MS_PER_DAY)).y;
  return instantMs >= lastSundayAt0100Utc(year, 3) && instantMs < lastSundayAt0100Utc(year, 10);
}

/** Oslo UTC offset in ms (3_600_000 or 7_200_000) at the given instant. */
export function osloOffsetMs(instantMs: number): number {
  return isOsloSummerTime(instantMs) ? 2 * MS_PER_HOUR : MS_PER_HOUR;
}

/** The calendar date in Europe/Oslo at the given instant. */
export function osloDate(instantMs: number): IsoDate {
  if (!Number.isFinite(instantMs)) throw new RangeError(`Invalid instant: ${instantMs}`);
  const local = instantMs + osloOffsetMs(instantMs);
  return fromDayNumber(Math.floor(local / MS_PER_DAY));
}

/** The Oslo wall-clock time 'HH:MM' at the given instant. */
export function osloTime(instantMs: number): string {
  const local = instantMs + osloOffsetMs(instantMs);
  const minutes = Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Epoch ms of the Oslo wall-clock time `time` ('HH:MM' or 'HH:MM:SS') on date d.
 * Ambiguous/non-existent local times follow the usual "compatible" resolution:
 * in the autumn overlap the earlier (summer-time) instant is chosen; in the
 * spring gap (02:xx on the last Sunday of March) the time is shifted forward
 * by one hour (02:30 → 03:30 CEST).
 */
export function osloInstant(d: IsoDate, time = '00:00'): number {
  const match = TIME_RE.exec(time);
  const hh = Number(match?.[1]);
  const mm = Number(match?.[2]);
  const ss = Number(match?.[3] ?? 0);
  if (!match || hh > 23 || mm > 59 || ss > 59) throw new RangeError(`Invalid time: ${JSON.stringify(time)}`);
  const wallAsUtc = toDayNumber(d) * MS_PER_DAY + ((hh * 60 + mm) * 60 + ss) * 1000;
  const asSummer = wallAsUtc - 2 * MS_PER_HOUR;
  if (isOsloSummerTime(asSummer)) return asSummer;
  return wallAsUtc - MS_PER_HOUR;
}
