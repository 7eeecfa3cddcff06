import type { FilledLetter } from '../domain/letters/fill';

/**
 * The boundary to digital post: KS Fiks SvarUt (the municipal sector's forsendelse service, which
 * routes to the tenant's digital mailbox, Digipost or e-Boks, and falls back to print) or Digipost
 * directly. Drawn, not implemented: nothing in Botrygg calls it yet, and no letter reaches a
 * digital mailbox today. An implementation plugs in as a fourth channel (`digital`) beside e-mail
 * and post; everything else (templates, PDF, the case's list, the receipt date) stays as it is.
 *
 * What an adapter must honour:
 * - Idempotent by `letterId`: SvarUt's `eksternReferanse` / Digipost's message ID is the letter ID,
 *   so a retried activity never sends twice.
 * - Runs in an activity (network I/O, credentials: Maskinporten token and the municipality's
 *   virksomhetssertifikat), never in a workflow or the API request.
 * - Reports status by polling or callback: `delivered` with the time the tenant opened it (the law's
 *   deadlines run from receipt: that time becomes the letter's receipt date), `printed` when the
 *   service fell back to post (then receipt is assumed as for post), `failed` with a reason (a task,
 *   as for a returned letter).
 * - Sends the PDF and the minimum of metadata: the recipient's national identity number is needed
 *   by both services and is the only personal detail beyond the PDF; it is never logged.
 */
export interface DigitalPostAdapter {
  /** Hands the letter over; returns the service's own ID for status look-ups. */
  send(letter: { letterId: string; municipality: string; recipientNationalId: string; content: FilledLetter; pdf: Uint8Array; requiresReceipt: boolean }): Promise<{ forsendelseId: string }>;
  /** Where a handed-over letter is now. */
  status(forsendelseId: string): Promise<DigitalPostStatus>;
}

export type DigitalPostStatus =
  | { state: 'pending' }
  | { state: 'delivered'; readAt: string }
  | { state: 'printed'; postedDate: string }
  | { state: 'failed'; reason: string };
