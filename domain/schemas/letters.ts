import { z } from 'zod';
import { LETTER_CHANNELS, LETTER_STATUSES } from '../letters/dispatch';
import { LETTER_KINDS, LETTER_LANGUAGES } from '../letters/kinds';
import { isoDate } from './common';

/** A line of print: no control characters, bounded. */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const printLine = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'kan ikke inneholde linjeskift eller kontrolltegn');
// eslint-disable-next-line no-control-regex -- control characters other than the line feed are refused
const paragraph = z.string().trim().min(1).max(8000).regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/, 'kan ikke inneholde kontrolltegn');

export const LetterProfileInput = z
  .object({
    municipalityName: printLine(100),
    headerLines: z.array(printLine(120)).max(6),
    language: z.enum(LETTER_LANGUAGES),
    appealBody: printLine(200),
    receiptBusinessDays: z.int().min(0).max(10),
    /** Printed in the letters the case makes itself (the § 4-18 warning): 11 digits, as 1234.56.78903 or without dots. */
    rentAccountNumber: z.string().trim().regex(/^\d{4}\.?\d{2}\.?\d{5}$/, 'må være et kontonummer med 11 siffer, for eksempel 1234.56.78903').optional(),
  })
  .strict();

export const LetterTemplateInput = z
  .object({
    kind: z.enum(LETTER_KINDS),
    language: z.enum(LETTER_LANGUAGES),
    title: printLine(200),
    paragraphs: z.array(paragraph).min(1).max(40),
  })
  .strict();

/** Field values: text, a date (ISO) or an amount in øre; the kind's own rules are checked when filling. */
const fieldValue = z.union([z.string().max(8000), z.int().min(0).max(100_000_000_00)]);

export const NewLetterInput = z
  .object({
    kind: z.enum(LETTER_KINDS),
    channel: z.enum(LETTER_CHANNELS),
    fields: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/, 'feltnavn kan bare ha bokstaver og tall'), fieldValue),
    /** The tenant's e-mail address, for the e-mail channel only. */
    recipientEmail: z.email('må være en gyldig e-postadresse').max(254).optional(),
  })
  .strict()
  .refine((l) => (l.channel === 'email') === !!l.recipientEmail, { message: 'E-postadresse skal oppgis for e-post og bare da', path: ['recipientEmail'] });

export const LetterDispatchInput = z
  .object({
    sentDate: isoDate,
    /** Required for registered post: the postal service's tracking number. */
    trackingNumber: z.string().trim().regex(/^[A-Z0-9]{8,30}$/, 'må være sporingsnummeret fra Posten, for eksempel RR123456785NO').optional(),
  })
  .strict();

export const LetterDeliveryInput = z
  .object({
    outcome: z.enum(['delivered', 'returned']),
    date: isoDate,
    reason: printLine(500).optional(),
  })
  .strict()
  .refine((d) => d.outcome !== 'returned' || !!d.reason, { message: 'Oppgi hvorfor brevet kom i retur', path: ['reason'] });

export const LetterView = z.object({
  letterId: z.string(),
  caseId: z.string(),
  kind: z.enum(LETTER_KINDS),
  title: z.string(),
  channel: z.enum(LETTER_CHANNELS),
  status: z.enum(LETTER_STATUSES),
  language: z.enum(LETTER_LANGUAGES),
  templateVersion: z.number(),
  date: z.string(),
  sentDate: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  receiptDate: z.string().nullable(),
  deliveredDate: z.string().nullable(),
  returnedDate: z.string().nullable(),
  pdf: z.string(),
});
