import type { Client } from '@temporalio/client';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { rentAccounts, rentLedger, rentPaymentImports, rentPaymentMatches } from '../../db/schema-rent';
import { ManualPaymentMatch, UnmatchedPaymentsQuery } from '../../domain/schemas/rent-payments';
import { audit, auditCases } from '../audit';
import { canonicalHash } from '../canonical-hash';
import { IdempotencyHeaders, loadAccessibleCase } from '../case-access';
import { HttpError } from '../errors';
import { signalCases, type Unmatched } from '../payment-import';
import type { ApiRoutes } from '../routes';

/**
 * The work list of payments no case took (unknown KID, no KID, several KIDs, a reversal, bostøtte that
 * is the tenant's), and the one way to post such a payment to a case by hand. The payment itself is
 * kept with its import (`rent_payment_imports.unmatched`); a match is a row in `rent_payment_matches`
 * and a ledger row with the dedup key a file would have used, so nothing is ever posted twice.
 */

const NOT_FOUND = 'Fant ikke innbetalingen i arbeidslisten.';
/** Ledger keys are looked up in slices: PostgreSQL takes at most 65 535 parameters per statement. */
const SLICE = 1000;

const visibleTo = (entry: Unmatched, municipality: string): boolean => municipality === '*' || entry.payment?.municipality === municipality;

export function registerUnmatchedPaymentRoutes(routes: ApiRoutes, deps: { db: Database; temporal: Client; logger: Logger }): void {
  const { db } = deps;

  routes.add(
    {
      method: 'get',
      path: '/api/rent/unmatched-payments',
      summary: 'Arbeidsliste: innbetalinger fra bankfiler og CSV som ikke fant noe leieforhold, og som ikke er koblet til en sak ennå',
      tag: 'Husleie',
      roles: ['housing_office'],
      query: UnmatchedPaymentsQuery,
      responses: { 200: { description: 'Arbeidslisten', schema: z.record(z.string(), z.unknown()) } },
    },
    async ({ req, actor, query }) => {
      const municipality = actor.municipality === '*' ? (query.municipality ?? '*') : actor.municipality;
      const imports = await db
        .select({ id: rentPaymentImports.id, filename: rentPaymentImports.filename, importedAt: rentPaymentImports.importedAt, unmatched: rentPaymentImports.unmatched })
        .from(rentPaymentImports)
        .where(sql`jsonb_array_length(${rentPaymentImports.unmatched}) > 0`)
        .orderBy(asc(rentPaymentImports.id));
      const candidates = imports.flatMap((i) => i.unmatched.filter((e: Unmatched) => visibleTo(e, municipality)).map((entry: Unmatched) => ({ imp: i, entry })));

      // Done is done: matched by hand, or posted since (a corrected file, the API).
      const matched = new Set<string>();
      const importIds = [...new Set(candidates.map((c) => c.imp.id))];
      for (let i = 0; i < importIds.length; i += SLICE) {
        const rows = await db.select({ importId: rentPaymentMatches.importId, transactionId: rentPaymentMatches.transactionId }).from(rentPaymentMatches).where(inArray(rentPaymentMatches.importId, importIds.slice(i, i + SLICE)));
        for (const r of rows) matched.add(`${r.importId}:${r.transactionId}`);
      }
      const keyOf = (e: Unmatched) => `txn:${e.payment?.municipality}:${e.transactionId}`;
      const keys = [...new Set(candidates.filter((c) => c.entry.payment && c.entry.payment.municipality !== '*').map((c) => keyOf(c.entry)))];
      const posted = new Set<string>();
      for (let i = 0; i < keys.length; i += SLICE) {
        const rows = await db.select({ key: rentLedger.dedupKey }).from(rentLedger).where(inArray(rentLedger.dedupKey, keys.slice(i, i + SLICE)));
        for (const r of rows) posted.add(r.key);
      }

      const items = candidates
        .filter(({ imp, entry }) => !matched.has(`${imp.id}:${entry.transactionId}`) && !posted.has(keyOf(entry)))
        .map(({ imp, entry }) => ({
          importId: imp.id,
          filename: imp.filename,
          importedAt: imp.importedAt,
          line: entry.line,
          ...(entry.element ? { element: entry.element } : {}),
          transactionId: entry.transactionId,
          reason: entry.reason,
          ...(entry.payment ? { payment: entry.payment } : {}),
          // Lines imported before the work list existed carry no amount; a reversal is never a payment to a case.
          matchable: !!entry.payment && !entry.payment.reversal,
        }));
      // A CSV line may name a case; listing it is a read of that case's payment.
      await auditCases(db, req, 'read', items.map((i) => i.payment?.caseId), 200);
      return { status: 200, body: { municipality, count: items.length, items } };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/rent/unmatched-payments/match',
      summary: 'Koble en innbetaling fra arbeidslisten til en sak for hånd (føres på saken, revisjonslogges; idempotent på Idempotency-Key)',
      tag: 'Husleie',
      roles: ['housing_office'],
      headers: IdempotencyHeaders,
      body: ManualPaymentMatch,
      responses: {
        200: { description: 'Ført (eller ført fra før med samme nøkkel)', schema: z.record(z.string(), z.unknown()) },
        404: { description: 'Innbetalingen eller saken finnes ikke (for deg)' },
        409: { description: 'Kan ikke kobles: allerede koblet eller ført, en tilbakeføring, saken har ingen husleiekonto, eller nøkkelen er brukt for noe annet' },
      },
    },
    async ({ req, actor, headers, body }) => {
      const [imp] = await db.select().from(rentPaymentImports).where(eq(rentPaymentImports.id, body.importId));
      const entry = imp?.unmatched.find((e: Unmatched) => e.transactionId === body.transactionId);
      if (!imp || !entry || !visibleTo(entry, actor.municipality)) throw new HttpError(404, NOT_FOUND);
      const row = await loadAccessibleCase(db, req, actor, body.caseId);
      const refuse = async (message: string): Promise<never> => {
        await audit(db, req, 'write', row.caseId, 409);
        throw new HttpError(409, message);
      };
      const payment = entry.payment;
      if (!payment) return refuse('Innbetalingen ble lest inn før arbeidslisten fantes og har ikke beløp og dato lagret. Registrer den med POST /api/rent/payments.');
      if (payment.reversal) return refuse('En tilbakeføring eller belastning er ikke en innbetaling og kan ikke føres på en sak. Den må behandles i økonomisystemet.');
      const [account] = await db.select().from(rentAccounts).where(eq(rentAccounts.caseId, row.caseId));
      if (!account) return refuse('Saken har ingen husleiekonto ennå.');
      if (payment.municipality !== '*' && account.municipality !== payment.municipality) return refuse('Innbetalingen kom til en annen kommune enn sakens.');
      if (payment.type === 'housing_allowance') {
        // The same rule as the import: bostøtte is the municipality's only under a transporterklæring for that month.
        const withdrawn = account.allowanceWithdrawnFrom && payment.period && payment.period >= account.allowanceWithdrawnFrom;
        if (!account.allowanceAssigned || withdrawn) return refuse(`Bostøtten for ${payment.period} tilhører leietaker (ingen gjeldende transporterklæring).`);
      }

      const idempotencyKey = `${actor.municipality}:${headers['Idempotency-Key']}`;
      const requestHash = canonicalHash(body);
      const result = await db.transaction(async (tx) => {
        const [earlier] = await tx.select().from(rentPaymentMatches).where(eq(rentPaymentMatches.idempotencyKey, idempotencyKey));
        if (earlier) return earlier.requestHash === requestHash ? ('repeat' as const) : ('key_reused' as const);
        const [already] = await tx
          .select({ caseId: rentPaymentMatches.caseId })
          .from(rentPaymentMatches)
          .where(sql`${rentPaymentMatches.importId} = ${body.importId} and ${rentPaymentMatches.transactionId} = ${body.transactionId}`);
        if (already) return { alreadyMatchedTo: already.caseId };
        const inserted = await tx
          .insert(rentLedger)
          .values({
            caseId: row.caseId,
            dedupKey: `txn:${account.municipality}:${entry.transactionId}`,
            kind: payment.type,
            amountOre: payment.amountOre,
            date: payment.date,
            period: payment.period ?? null,
            source: `match:${imp.id}:${actor.id}`,
          })
          .onConflictDoNothing({ target: rentLedger.dedupKey })
          .returning({ id: rentLedger.id });
        if (!inserted.length) return 'posted_elsewhere' as const;
        await tx.insert(rentPaymentMatches).values({ importId: imp.id, transactionId: entry.transactionId, caseId: row.caseId, idempotencyKey, requestHash, reason: body.reason, matchedBy: actor.id });
        return 'applied' as const;
      }).catch((err: { code?: string; cause?: { code?: string } }) => {
        // Two requests at once with one key for different payments: the loser's key is taken.
        if (err.code === '23505' || err.cause?.code === '23505') return 'key_reused' as const;
        throw err;
      });

      if (result === 'key_reused') return refuse('Idempotency-Key er allerede brukt for en annen kobling. Bruk en ny nøkkel.');
      if (result === 'posted_elsewhere') return refuse('Transaksjonen er allerede ført på en sak (fra en senere fil eller fra API-et).');
      if (typeof result === 'object') {
        return refuse(result.alreadyMatchedTo === row.caseId ? 'Innbetalingen er allerede koblet til denne saken.' : 'Innbetalingen er allerede koblet til en annen sak.');
      }
      await audit(db, req, 'write', row.caseId, 200);
      if (result === 'applied') await signalCases(deps, [row.caseId], `match:${imp.id}`);
      return {
        status: 200,
        body: { applied: result === 'applied', caseId: row.caseId, amountOre: payment.amountOre, message: result === 'applied' ? 'Innbetalingen er ført på saken.' : 'Innbetalingen var koblet til saken fra før.' },
      };
    },
  );
}
