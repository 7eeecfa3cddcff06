/**
 * Turns validation issues into sentences a caseworker understands, naming the field in Norwegian.
 * Kept free of zod imports so the same wording serves workflow validators too.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  expected?: string;
  input?: unknown;
  keys?: string[];
  values?: unknown[];
}

const FIELD_LABELS: Record<string, string> = {
  municipality: 'kommune',
  applicant: 'søker',
  name: 'navn',
  birthDate: 'fødselsdato',
  phone: 'telefon',
  email: 'e-post',
  householdMembers: 'husstandsmedlemmer',
  relation: 'relasjon',
  birthYear: 'fødselsår',
  currentHousing: 'nåværende bosituasjon',
  language: 'språk',
  needsInterpreter: 'behov for tolk',
  receivedDate: 'mottatt dato',
  housingOfficerId: 'boligkonsulent',
  idempotencyKey: 'idempotensnøkkel',
  'Idempotency-Key': 'Idempotency-Key',
  caseId: 'saksnummer',
  type: 'handling',
  location: 'beliggenhet',
  ownership: 'eierform',
  scope: 'omfang',
  authorisation: 'fullmakt',
  method: 'betalingsmåte',
  // Help to rent privately (seed 004).
  supportExplained: 'søkeren har fått vite hvilken støtte kommunen kan gi',
  ownResponsibilities: 'det søkeren må gjøre selv',
  challenges: 'boligsosiale utfordringer',
  followUpNeeded: 'behov for oppfølging',
  participants: 'deltakere',
  maxMonthlyRentOre: 'høyeste husleie (øre)',
  minRooms: 'minste antall rom',
  deadline: 'frist',
  contactEveryWeeks: 'kontakt hver n-te uke',
  landlordName: 'utleiers navn',
  monthlyRentOre: 'husleie per måned (øre)',
  depositOre: 'depositum (øre)',
  amountOre: 'beløp (øre)',
  claimDeadlineMonths: 'frist for krav (måneder)',
  approvedOre: 'godkjent beløp (øre)',
  noticeDate: 'oppsigelsesdato',
  moveOutDate: 'fraflyttingsdato',
};

export function fieldName(path: PropertyKey[]): string {
  if (path.length === 0) return 'innholdet';
  return path
    .map((p) => (typeof p === 'number' ? `nr. ${p + 1}` : (FIELD_LABELS[String(p)] ?? String(p))))
    .join(' → ');
}

function describe(issue: IssueLike): string {
  const n = (v: number | bigint | undefined) => String(v ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue) ? 'må fylles ut' : `har feil type (forventet ${typeName(issue.expected)})`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'må fylles ut' : `må ha minst ${n(issue.minimum)} tegn`;
      if (issue.origin === 'array') return `må ha minst ${n(issue.minimum)} element`;
      return `må være minst ${n(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `kan ha høyst ${n(issue.maximum)} tegn`;
      if (issue.origin === 'array') return `kan ha høyst ${n(issue.maximum)} elementer`;
      return `kan være høyst ${n(issue.maximum)}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'må være en gyldig e-postadresse';
      if (issue.format === 'date') return 'må være en dato på formen ÅÅÅÅ-MM-DD';
      // Every pattern in our schemas carries its own Norwegian explanation.
      if (issue.format === 'regex') return issue.message;
      return 'har ugyldig format';
    case 'invalid_value':
      return 'har en verdi som ikke er tillatt';
    case 'unrecognized_keys':
      return `inneholder ukjente felt: ${(issue.keys ?? []).join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return 'er ugyldig';
  }
}

/** zod reports the input only when asked to; its own message says "received undefined" otherwise. */
function isMissing(issue: IssueLike): boolean {
  return 'input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
}

function typeName(expected?: string): string {
  switch (expected) {
    case 'string':
      return 'tekst';
    case 'number':
    case 'int':
      return 'tall';
    case 'boolean':
      return 'ja/nei';
    case 'array':
      return 'liste';
    case 'object':
      return 'objekt';
    default:
      return expected ?? 'annen type';
  }
}

export function toFieldProblems(issues: readonly IssueLike[]): FieldProblem[] {
  return issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: `«${capitalise(fieldName(issue.path))}» ${describe(issue)}` }));
}

/** One sentence for the whole request: what a person sees first. */
export function summarise(problems: FieldProblem[]): string {
  if (problems.length === 0) return 'Skjemaet er ugyldig.';
  const [first, ...rest] = problems;
  return rest.length === 0 ? `${first!.message}.` : `${first!.message} (og ${rest.length} til).`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
