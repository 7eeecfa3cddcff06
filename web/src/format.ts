/** Norwegian formats: «15. mai 2027», «8 500 kr», times in Oslo. */
// Labels are the domain's own (pure modules, bundled into the app), so app and letters never drift apart.
import { SITUATION_LABELS as SITUATIONS } from '../../domain/incidents/incident';
import { ROLE_LABELS as ROLES } from '../../domain/roles';
import { PHASE_LABELS as PHASES } from '../../domain/tenancy/state';

// Keyed by plain strings here: the API's JSON does not carry the domain's key types.
export const ROLE_LABELS: Readonly<Record<string, string>> = ROLES;
export const PHASE_LABELS: Readonly<Record<string, string>> = PHASES;
export const SITUATION_LABELS: Readonly<Record<string, string>> = SITUATIONS;
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const NBSP = '\u00a0';

/** `2027-05-15` → «15. mai 2027». */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

const osloParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as its Oslo calendar date, `YYYY-MM-DD`. */
export function osloDate(instant: string | number | Date): string {
  const p = Object.fromEntries(osloParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as «15. mai 2027 kl. 09.30» in Oslo time. */
export function formatDateTime(instant: string | number | Date): string {
  const p = Object.fromEntries(osloParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)} kl.${NBSP}${p.hour}.${p.minute}`;
}

/** Øre → «8 500 kr» (øre shown only when there are any: «8 500,50 kr»). */
export function formatKroner(ore: number): string {
  const negative = ore < 0;
  const abs = Math.abs(Math.round(ore));
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const rest = abs % 100;
  return `${negative ? '−' : ''}${kroner}${rest ? `,${String(rest).padStart(2, '0')}` : ''}${NBSP}kr`;
}

export const todayInOslo = (): string => osloDate(Date.now());


export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;


/** Server texts carry ISO dates («Frist for … (2027-05-15)»); staff read «15. mai 2027». */
export const humanDates = (text: string): string => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDate(d));

