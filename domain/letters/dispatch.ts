import { addBusinessDays, compareDates, deadline, nextBusinessDay, type IsoDate } from '../calendar';

/**
 * How a letter leaves the municipality. `email` tells the tenant by e-mail that a letter is ready
 * (no personal details in the mail); `post` and `registered_post` go through the print service.
 * Digital post (KS Fiks SvarUt / Digipost) is an adapter boundary only: see platform/digital-post.ts.
 */
export const LETTER_CHANNELS = ['email', 'post', 'registered_post'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

export const LETTER_STATUSES = ['queued', 'sent', 'delivered', 'returned'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * Business days from posting until a letter is assumed to have reached the tenant. A municipal
 * default, not a rule of law: Norwegian law counts § 4-18, § 9-7 and appeal deadlines from receipt
 * ("kommet fram") and sets no fixed presumption for ordinary mail, so the municipality configures
 * it (letter profile `receiptBusinessDays`). Three business days is the cautious figure many
 * municipalities use for A-post; a recorded delivery date always wins over the assumption.
 */
export const DEFAULT_RECEIPT_BUSINESS_DAYS = 3;

/** The day a posted letter is assumed received: N business days after posting (never on a weekend or holiday). */
export function assumedReceiptDate(postedDate: IsoDate, businessDays: number = DEFAULT_RECEIPT_BUSINESS_DAYS): IsoDate {
  return businessDays === 0 ? nextBusinessDay(postedDate) : addBusinessDays(postedDate, businessDays);
}

/**
 * The day from which the law's deadlines run: the recorded delivery date if there is one, else
 * the assumed receipt of a posted letter; an e-mail that a letter is ready proves no receipt.
 */
export function receiptDate(letter: { channel: LetterChannel; sentDate: IsoDate | null; deliveredDate: IsoDate | null }, businessDays?: number): IsoDate | null {
  if (letter.deliveredDate) return letter.deliveredDate;
  if (letter.channel === 'email' || !letter.sentDate) return null;
  return assumedReceiptDate(letter.sentDate, businessDays);
}

/**
 * Tvangsfullbyrdelsesloven § 4-18: the eviction request may be filed two weeks after the warning.
 * Sources differ on whether the two weeks run from sending or from receipt; the later date is safe,
 * and receipt is never earlier than sending, so the two weeks run from receipt.
 */
export function evictionRequestEarliest(receipt: IsoDate, sent: IsoDate): IsoDate {
  return deadline(compareDates(receipt, sent) >= 0 ? receipt : sent, { weeks: 2 });
}

/** Which status changes a clerk may record, from which status. */
export function canRecord(from: LetterStatus, change: 'dispatch' | 'delivered' | 'returned'): boolean {
  if (change === 'dispatch') return from === 'queued';
  return from === 'sent';
}
