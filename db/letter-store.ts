import { and, desc, eq } from 'drizzle-orm';
import type { Database } from './client';
import { letterProfiles, type letters, letterTemplates } from './schema-letters';
import { DEFAULT_RECEIPT_BUSINESS_DAYS } from '../domain/letters/dispatch';
import type { LetterKind, LetterLanguage } from '../domain/letters/kinds';
import { defaultLetterTemplate, type LetterTemplate } from '../domain/letters/templates';

export type LetterRow = typeof letters.$inferSelect;

export interface LetterProfile {
  municipalityName: string;
  headerLines: string[];
  language: LetterLanguage;
  appealBody: string;
  receiptBusinessDays: number;
  /** The municipality's account for rent, printed in the § 4-18 warning (11 digits, dots allowed). */
  rentAccountNumber?: string;
}

/** Until a municipality saves its profile: its code as name, bokmål, the Statsforvalteren, three business days. */
export function defaultLetterProfile(municipality: string): LetterProfile {
  const name = municipality.charAt(0).toUpperCase() + municipality.slice(1);
  return { municipalityName: `${name} kommune`, headerLines: [], language: 'nb', appealBody: 'Statsforvalteren', receiptBusinessDays: DEFAULT_RECEIPT_BUSINESS_DAYS };
}

export async function loadLetterProfile(db: Database, municipality: string): Promise<LetterProfile> {
  const [row] = await db.select().from(letterProfiles).where(eq(letterProfiles.municipality, municipality));
  if (!row) return defaultLetterProfile(municipality);
  return {
    municipalityName: row.municipalityName,
    headerLines: row.headerLines,
    language: row.language,
    appealBody: row.appealBody,
    receiptBusinessDays: row.receiptBusinessDays,
    ...(row.rentAccountNumber ? { rentAccountNumber: row.rentAccountNumber } : {}),
  };
}

/** The version in force: the newest the municipality published for this kind and language, else the default. */
export async function currentLetterTemplate(db: Database, municipality: string, kind: LetterKind, language: LetterLanguage): Promise<LetterTemplate> {
  const [row] = await db
    .select()
    .from(letterTemplates)
    .where(and(eq(letterTemplates.municipality, municipality), eq(letterTemplates.kind, kind), eq(letterTemplates.language, language)))
    .orderBy(desc(letterTemplates.version))
    .limit(1);
  return row ? { kind, language, version: row.version, title: row.title, paragraphs: row.paragraphs } : defaultLetterTemplate(kind, language);
}

/** What staff see of a letter: its status and dates, never its text (that is in the PDF). */
export function letterView(row: LetterRow) {
  return {
    letterId: row.letterId,
    caseId: row.caseId,
    kind: row.content.kind,
    title: row.content.title,
    channel: row.channel,
    status: row.status,
    language: row.content.language,
    templateVersion: row.content.templateVersion,
    date: row.content.date,
    sentDate: row.sentDate,
    trackingNumber: row.trackingNumber,
    receiptDate: row.receiptDate,
    deliveredDate: row.deliveredDate,
    returnedDate: row.returnedDate,
    pdf: `/api/tenancies/${row.caseId}/letters/${row.letterId}/pdf`,
  };
}
