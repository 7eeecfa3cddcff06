/** Norwegian formats: «15. mai 2027», «8 500 kr», times in Oslo. */
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

export const ROLE_LABELS: Record<string, string> = {
  housing_officer: 'Boligkonsulent',
  follow_up_worker: 'Oppfølger',
  housing_office: 'Boligkontoret',
  department_head: 'Avdelingsleder',
  administrative_officer: 'Administrasjonskonsulent',
  committee_member: 'Boligutvalget',
  nav: 'NAV',
  tenant: 'Leietaker',
  intake: 'Skjemamottak',
  admin: 'Administrator',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

export const PHASE_LABELS: Record<string, string> = {
  application: 'Søknad og kartlegging',
  allocation: 'Tildeling',
  lease: 'Leiekontrakt og innflytting',
  follow_up: 'Oppfølging i leieforholdet',
  closed: 'Avsluttet',
};

/** Server texts carry ISO dates («Frist for … (2027-05-15)»); staff read «15. mai 2027». */
export const humanDates = (text: string): string => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDate(d));

/** Short names of the follow-up agreement's situations (as domain/incidents/incident.ts words them). */
export const SITUATION_LABELS: Record<string, string> = {
  untidy_home: 'Bolig eller fellesareal ikke holdt i orden',
  locked_door: 'Låst dør ved avtalt oppfølging',
  locked_door_co_located: 'Låst dør i samlokalisert bolig',
  drug_use: 'Synlig rusing eller salg av rusmidler',
  intoxicated_visitors: 'Berusede besøkende ved oppfølging',
  threats_or_weapons: 'Truende atferd eller synlige våpen',
  burglary_or_damage: 'Innbrudd eller ødelagt inventar',
  missing_rent: 'Manglende husleie',
  neighbour_complaints: 'Naboklage',
  declines_follow_up: 'Leietaker ønsker ikke videre oppfølging',
};
