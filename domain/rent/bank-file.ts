import { looksLikeXml, parseCamt054File } from './camt054';
import { looksLikeOcrGiro, parseOcrGiroFile } from './ocr-giro';
import { parsePaymentsFile, type ParsedPaymentsFile } from './payments-file';

export type PaymentsFileFormat = 'ocr_giro' | 'camt054' | 'csv';

/**
 * Which format a payments file is in, read from its content, never from its name: finance systems
 * rename files freely. An OCR giro file starts with its transmission start record (`NY000010`), a
 * camt.054 file is XML; anything else is read as the CSV of our own.
 */
export function detectPaymentsFileFormat(text: string): PaymentsFileFormat {
  if (looksLikeOcrGiro(text)) return 'ocr_giro';
  if (looksLikeXml(text)) return 'camt054';
  return 'csv';
}

/** Parses a payments file in whichever format it is in; the result is the same for all three. Pure. */
export function parseBankFile(text: string): ParsedPaymentsFile & { format: PaymentsFileFormat } {
  const format = detectPaymentsFileFormat(text);
  const parsed = format === 'ocr_giro' ? parseOcrGiroFile(text) : format === 'camt054' ? parseCamt054File(text) : parsePaymentsFile(text);
  return { ...parsed, format };
}
