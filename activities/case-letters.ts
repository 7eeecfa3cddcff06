import { and, eq } from 'drizzle-orm';
import { canonicalHash } from '../api/canonical-hash';
import type { Database } from '../db/client';
import { currentLetterTemplate, loadLetterProfile } from '../db/letter-store';
import { letters } from '../db/schema-letters';
import { notificationContacts } from '../db/schema-notifications';
import { fillLetter, LetterFillError } from '../domain/letters/fill';
import { LETTER_FIELDS } from '../domain/letters/kinds';
import type { LetterMade, PendingLetter } from '../domain/tenancy/case-letters';
import { randomUUID } from 'node:crypto';

export interface CaseLetterRequest {
  caseId: string;
  municipality: string;
  /** The tenant's name as the letter addresses them. */
  recipient: string;
  letter: PendingLetter;
}

/** Letters a case's workflow makes by itself: the same rows, templates and print queue as the staff's letters. */
export function createCaseLetterActivities({ db }: { db: Database }) {
  return {
    /**
     * Fills the municipality's current template and stores the letter, queued for print. Idempotent
     * by the letter's key (a retry returns the first letter). A template that cannot be filled (the
     * profile lacks the account number) is an answer, not an error: retrying would not change it.
     */
    async makeCaseLetter({ caseId, municipality, recipient, letter }: CaseLetterRequest): Promise<LetterMade> {
      // Scoped so a workflow's key can never meet a clerk's Idempotency-Key.
      const idempotencyKey = `case-letter:${letter.key}`;
      const [earlier] = await db.select({ letterId: letters.letterId }).from(letters).where(eq(letters.idempotencyKey, idempotencyKey));
      if (earlier) return { made: true, letterId: earlier.letterId };
      const profile = await loadLetterProfile(db, municipality);
      const template = await currentLetterTemplate(db, municipality, letter.kind, profile.language);
      const fields = { ...letter.fields };
      const spec = LETTER_FIELDS[letter.kind];
      if ('accountNumber' in spec && fields.accountNumber === undefined) {
        if (!profile.rentAccountNumber) return { made: false, problems: ['Kommunens kontonummer for husleie mangler i brevprofilen.'] };
        fields.accountNumber = profile.rentAccountNumber;
      }
      if ('navOffice' in spec && fields.navOffice === undefined) {
        const [nav] = await db.select().from(notificationContacts).where(and(eq(notificationContacts.municipality, municipality), eq(notificationContacts.role, 'nav')));
        fields.navOffice = nav?.name ?? 'NAV-kontoret';
      }
      let content;
      try {
        content = fillLetter(template, { recipient, caseId, date: letter.date, municipality: profile.municipalityName, appealBody: profile.appealBody }, fields);
      } catch (e) {
        if (e instanceof LetterFillError) return { made: false, problems: e.problems };
        throw e;
      }
      const letterId = `L-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      await db
        .insert(letters)
        .values({
          letterId,
          caseId,
          municipality,
          kind: letter.kind,
          channel: letter.channel,
          content,
          header: { municipalityName: profile.municipalityName, lines: profile.headerLines },
          idempotencyKey,
          requestHash: canonicalHash({ caseId, ...letter }),
          createdBy: 'botrygg',
        })
        .onConflictDoNothing({ target: letters.idempotencyKey });
      // Two attempts at once: whichever stored first is the letter.
      const [stored] = await db.select({ letterId: letters.letterId }).from(letters).where(eq(letters.idempotencyKey, idempotencyKey));
      return { made: true, letterId: stored!.letterId };
    },
  };
}
