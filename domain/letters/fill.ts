import { isValidIsoDate, type IsoDate } from '../calendar';
import { formatKroner } from '../rent/ledger';
import { CASE_FIELDS, LETTER_FIELDS, type LetterKind, type LetterLanguage } from './kinds';
import type { LetterTemplate } from './templates';

/** What the case and the municipality's profile put into every letter. */
export interface LetterCaseFacts {
  recipient: string;
  caseId: string;
  /** The letter's date (Oslo). */
  date: IsoDate;
  /** The municipality's name as it signs letters, e.g. «Tynset kommune». */
  municipality: string;
  /** Where an appeal goes after the municipality (fvl. § 28), e.g. «Statsforvalteren i Innlandet». */
  appealBody: string;
}

/** The letter as it is archived and rendered: plain text, every placeholder resolved. */
export interface FilledLetter {
  kind: LetterKind;
  language: LetterLanguage;
  templateVersion: number;
  caseId: string;
  date: IsoDate;
  recipient: string;
  title: string;
  paragraphs: string[];
}

export class LetterFillError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** «3. desember 2026»: the same in bokmål and nynorsk. Written by hand: Intl output depends on the host's ICU data. */
export function formatLetterDate(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${day}. ${MONTHS[m - 1]} ${y}`;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholders a template uses, so a municipality cannot publish one that can never be filled. */
export function placeholdersOf(template: Pick<LetterTemplate, 'title' | 'paragraphs'>): string[] {
  const names = new Set<string>();
  for (const text of [template.title, ...template.paragraphs]) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names];
}

/** Names a template may use for its kind; anything else is refused when the template is published. */
export function unknownPlaceholders(template: LetterTemplate): string[] {
  const allowed = new Set<string>([...CASE_FIELDS, ...Object.keys(LETTER_FIELDS[template.kind])]);
  return placeholdersOf(template).filter((n) => !allowed.has(n));
}

/**
 * Checks the staff-given fields against the kind's specification: every one present, of its type,
 * none unknown. Returns the values formatted for print. Problems are in plain bokmål and name the field.
 */
export function formatFields(kind: LetterKind, fields: Record<string, string | number>): Record<string, string> {
  const spec = LETTER_FIELDS[kind];
  const problems: string[] = [];
  const out: Record<string, string> = {};
  for (const name of Object.keys(fields)) if (!(name in spec)) problems.push(`Feltet «${name}» hører ikke til denne brevtypen.`);
  for (const [name, f] of Object.entries(spec)) {
    const v = fields[name];
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) {
      problems.push(`Feltet «${name}» (${f.label}) mangler.`);
      continue;
    }
    if (f.type === 'money') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) problems.push(`Feltet «${name}» må være et beløp i øre (et helt tall, ikke negativt).`);
      else out[name] = formatKroner(v);
    } else if (f.type === 'date') {
      if (typeof v !== 'string' || !isValidIsoDate(v)) problems.push(`Feltet «${name}» må være en dato på formen ÅÅÅÅ-MM-DD.`);
      else out[name] = formatLetterDate(v);
    } else {
      const text = String(v).trim();
      if (f.maxLength && text.length > f.maxLength) problems.push(`Feltet «${name}» kan ha høyst ${f.maxLength} tegn.`);
      else out[name] = text;
    }
  }
  if (problems.length) throw new LetterFillError(problems);
  return out;
}

/** Fills a template from the case and the staff-given fields. Pure: the same input gives the same letter. */
export function fillLetter(template: LetterTemplate, facts: LetterCaseFacts, fields: Record<string, string | number>): FilledLetter {
  const values: Record<string, string> = {
    ...formatFields(template.kind, fields),
    recipient: facts.recipient,
    caseId: facts.caseId,
    date: formatLetterDate(facts.date),
    municipality: facts.municipality,
    appealBody: facts.appealBody,
  };
  const missing = placeholdersOf(template).filter((n) => values[n] === undefined);
  if (missing.length) throw new LetterFillError(missing.map((n) => `Malen bruker «${n}», som ikke kan fylles ut for denne brevtypen.`));
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => values[name]!);
  return {
    kind: template.kind,
    language: template.language,
    templateVersion: template.version,
    caseId: facts.caseId,
    date: facts.date,
    recipient: facts.recipient,
    title: fill(template.title),
    paragraphs: template.paragraphs.map(fill),
  };
}
