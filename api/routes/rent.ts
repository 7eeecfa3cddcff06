import type { Client } from '@temporalio/client';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { loadLedger, toLedgerEntry } from '../../db/rent-store';
import type { Database } from '../../db/client';
import { tenancies } from '../../db/schema';
import { rentAccounts, rentLadders, rentLedger } from '../../db/schema-rent';
import { isoDate, municipalityCode } from '../../domain/schemas/common';
import { osloDate } from '../../domain/calendar';
import { CASE_ID_PATTERN } from '../../domain/ids';
import { rentFigures } from '../../domain/rent/figures';
import { isValidKid } from '../../domain/rent/kid';
import { DEFAULT_RENT_LADDER, type RentLadder } from '../../domain/rent/ladder';
import { RentLadderDefinition } from '../../domain/schemas/rent-ladder';
import { settlementOf, summarizeLedger, type LedgerEntry } from '../../domain/rent/ledger';
import { isValidPeriod } from '../../domain/rent/schedule';
import type { RentState } from '../../domain/tenancy/rent';
import type { TenancyView } from '../../domain/tenancy/view';
import { audit, auditCases } from '../audit';
import { cachedFigures } from '../rent-figures-cache';
import { listedMunicipality, worksIn } from '../auth';
import { CaseParams, IdempotencyHeaders, loadAccessibleCase } from '../case-access';
import { HttpError } from '../errors';
import { claimIdempotencyKey } from '../idempotency-keys';
import { importPaymentsFile, registerPayment, signalCases } from '../payment-import';
import type { ApiRoutes } from '../routes';

/** The ladder a new case starts with: the newest the municipality published, else the default. */
export async function currentRentLadder(db: Database, municipality: string): Promise<RentLadder> {
  const [row] = await db.select().from(rentLadders).where(eq(rentLadders.municipality, municipality)).orderBy(desc(rentLadders.version)).limit(1);
  return row ? { ...row.definition, version: row.version } : DEFAULT_RENT_LADDER;
}

const Params = z.object({ municipality: municipalityCode });
const FINANCE_ROLES = ['housing_office'] as const;

const PaymentInput = z
  .object({
    transactionId: z.string().trim().min(1).max(100),
    date: isoDate,
    amountOre: z.int().min(1).max(100_000_000),
    kid: z.string().refine(isValidKid, 'er ikke et gyldig KID-nummer').optional(),
    caseId: z.string().regex(CASE_ID_PATTERN, 'må være et saksnummer som TYN-2026-7KX3QF').optional(),
    type: z.enum(['payment', 'housing_allowance']).default('payment'),
    period: z.string().refine(isValidPeriod, 'må være en måned på formen ÅÅÅÅ-MM').optional(),
  })
  .strict()
  .refine((p) => p.kid || p.caseId, { message: 'Oppgi KID eller saksnummer' })
  .refine((p) => p.type !== 'housing_allowance' || p.period, { message: 'Bostøtte må ha periode (ÅÅÅÅ-MM)' });

const Adjustment = z
  .object({
    kind: z.enum(['credit', 'write_off']),
    amountOre: z.int().min(1).max(100_000_000),
    date: isoDate,
    period: z.string().refine(isValidPeriod, 'må være en måned på formen ÅÅÅÅ-MM').optional(),
    reason: z.string().trim().min(3).max(1000),
  })
  .strict();

export function registerRentRoutes(routes: ApiRoutes, deps: { db: Database; temporal: Client; logger: Logger }): void {
  const { db } = deps;

  routes.add(
    {
      method: 'post',
      path: '/api/rent/payment-files',
      summary: 'Les inn en innbetalingsfil fra økonomisystemet (CSV). Samme fil to ganger endrer ingenting; en feil linje avviser hele filen.',
      tag: 'Husleie',
      roles: [...FINANCE_ROLES],
      body: z.object({ filename: z.string().trim().min(1).max(200), content: z.string().min(1).max(10_000_000) }).strict(),
      responses: {
        200: { description: 'Filen er lest inn (eller var lest inn før)', schema: z.record(z.string(), z.unknown()) },
        422: { description: 'Filen har feil og er ikke lest inn; hver feil har linjenummer' },
      },
    },
    async ({ req, actor, body }) => {
      const outcome = await importPaymentsFile(deps, body, actor);
      // Payments are personal data: the log names every case the file wrote to.
      await auditCases(db, req, 'write', outcome.status === 'applied' ? outcome.casesTouched : [], outcome.status === 'rejected' ? 422 : 200);
      if (outcome.status === 'rejected') {
        const message = `Filen er ikke lest inn: ${outcome.errors.length} ${outcome.errors.length === 1 ? 'linje har' : 'linjer har'} feil. Rett feilene og send hele filen på nytt.`;
        return { status: 422, body: { status: outcome.status, message, errors: outcome.errors } };
      }
      const message =
        outcome.status === 'already_imported'
          ? 'Denne filen er lest inn før. Ingenting er endret.'
          : `${outcome.applied} innbetalinger er ført${outcome.duplicates ? `, ${outcome.duplicates} var ført fra før` : ''}${outcome.unmatched.length ? `, ${outcome.unmatched.length} fant ikke leieforhold og må behandles manuelt` : ''}.`;
      return { status: 200, body: { ...outcome, message } };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/rent/payments',
      summary: 'Registrer én innbetaling fra økonomisystemet (idempotent på transaksjons-ID)',
      tag: 'Husleie',
      roles: [...FINANCE_ROLES],
      body: PaymentInput,
      responses: { 200: { description: 'Ført (eller ført fra før)', schema: z.record(z.string(), z.unknown()) }, 422: { description: 'Fant ikke leieforholdet' } },
    },
    async ({ req, actor, body }) => {
      const result = await registerPayment(deps, body, actor);
      await audit(db, req, 'write', result.caseId ?? null, result.reason ? 422 : 200);
      if (result.reason) return { status: 422, body: { applied: false, message: result.reason } };
      return { status: 200, body: { ...result, message: result.applied ? 'Innbetalingen er ført.' : 'Innbetalingen var ført fra før.' } };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/rent/adjustments',
      summary: 'Kreditering eller avskrivning på husleiekontoen (med begrunnelse)',
      tag: 'Husleie',
      roles: ['housing_office'],
      params: CaseParams,
      headers: IdempotencyHeaders,
      body: Adjustment,
      responses: {
        200: { description: 'Ført (eller ført fra før)', schema: z.record(z.string(), z.unknown()) },
        422: { description: 'Idempotensnøkkelen er brukt for en annen føring' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const [account] = await db.select().from(rentAccounts).where(eq(rentAccounts.caseId, row.caseId));
      if (!account) throw new HttpError(409, 'Saken har ingen husleiekonto ennå.');
      // The ledger's dedup key keeps its pre-scoping form (`adj:{case}:{key}`), so a resend of an adjustment posted before still finds it.
      await claimIdempotencyKey(db, { scope: 'rent-adjustment', key: headers['Idempotency-Key'], target: row.caseId, content: body, actorId: actor.id });
      const inserted = await db
        .insert(rentLedger)
        .values({
          caseId: row.caseId,
          dedupKey: `adj:${row.caseId}:${headers['Idempotency-Key']}`,
          kind: body.kind,
          amountOre: body.amountOre,
          date: body.date,
          period: body.period ?? null,
          source: `${actor.id}: ${body.reason}`,
        })
        .onConflictDoNothing({ target: rentLedger.dedupKey })
        .returning({ id: rentLedger.id });
      await audit(db, req, 'write', row.caseId, 200);
      if (inserted.length) await signalCases(deps, [row.caseId]);
      const what = body.kind === 'credit' ? 'Krediteringen' : 'Avskrivningen';
      return { status: 200, body: { applied: inserted.length === 1, message: inserted.length ? `${what} er ført.` : `${what} var ført fra før.` } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/rent',
      summary: 'Husleiekonto for saken: poster, saldo, restansealder, månedlige avregninger og hvor saken står på stigen',
      tag: 'Husleie',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
      params: CaseParams,
      query: z.object({ asOf: isoDate.optional() }),
      responses: { 200: { description: 'Husleiekontoen', schema: z.record(z.string(), z.unknown()) } },
    },
    async ({ req, actor, params, query }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const asOf = query.asOf ?? osloDate(Date.now());
      const entries = await loadLedger(db, row.caseId);
      const summary = summarizeLedger(entries, asOf);
      const view = row.snapshot as TenancyView;
      await audit(db, req, 'read', row.caseId, 200);
      return {
        status: 200,
        body: {
          caseId: row.caseId,
          kid: view.rent?.kid ?? null,
          summary,
          settlements: summary.charges.map(settlementOf),
          // The case's own ladder version (steps, days, waits), so the staff app can say what comes next and when.
          ladder: view.rent ? { version: view.rent.ladder.version, definition: view.rent.ladder, step: view.rent.step ?? null, episode: view.rent.episode ?? null, pastEpisodes: view.rent.pastEpisodes } : null,
          entries,
        },
      };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/rent/figures',
      summary: 'Tall for driften: samlet restanse, saker per trinn, restansealder, betalingsordninger, tid til første kontakt',
      tag: 'Husleie',
      roles: ['housing_office', 'housing_officer', 'committee_member'],
      query: z.object({ municipality: municipalityCode.optional(), asOf: isoDate.optional() }),
      responses: { 200: { description: 'Tallene', schema: z.record(z.string(), z.unknown()) } },
    },
    async ({ actor, query }) => {
      const municipality = listedMunicipality(actor, query.municipality);
      return { status: 200, body: await portfolioFigures(db, municipality, query.asOf ?? osloDate(Date.now())) };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/rent-ladder',
      summary: 'Gjeldende restansestige (trinn og frister) for nye saker',
      tag: 'Kommune',
      roles: ['housing_office', 'housing_officer'],
      params: Params,
      responses: { 200: { description: 'Stigen', schema: z.record(z.string(), z.unknown()) } },
    },
    async ({ actor, params }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      return { status: 200, body: await currentRentLadder(db, params.municipality) };
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/api/municipalities/:municipality/rent-ladder',
      summary: 'Publiser en ny versjon av restansestigen; saker som allerede er startet beholder sin versjon',
      tag: 'Kommune',
      roles: ['housing_office'],
      params: Params,
      body: RentLadderDefinition,
      responses: { 200: { description: 'Publisert', schema: z.record(z.string(), z.unknown()) } },
    },
    async ({ actor, params, body }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      const version = await db.transaction(async (tx) => {
        const [latest] = await tx.select({ version: rentLadders.version }).from(rentLadders).where(eq(rentLadders.municipality, params.municipality)).orderBy(desc(rentLadders.version)).limit(1);
        const next = (latest?.version ?? 0) + 1;
        await tx.insert(rentLadders).values({ municipality: params.municipality, version: next, definition: body, createdBy: actor.id });
        return next;
      });
      return { status: 200, body: { ...body, version } };
    },
  );
}

/** Figures over every tenancy with a rent account in the municipality, the balances derived as of `asOf`; reused while nothing they are computed from has changed. */
export function portfolioFigures(db: Database, municipality: string, asOf: string): ReturnType<typeof computePortfolioFigures> {
  return cachedFigures(db, municipality, asOf, () => computePortfolioFigures(db, municipality, asOf));
}

export async function computePortfolioFigures(db: Database, municipality: string, asOf: string) {
  const rows = await db
    // Only the rent part of each snapshot: the whole case is several kilobytes the figures never read.
    .select({ caseId: rentAccounts.caseId, rent: sql<RentState | null>`${tenancies.snapshot}->'rent'` })
    .from(rentAccounts)
    .innerJoin(tenancies, eq(tenancies.caseId, rentAccounts.caseId))
    .where(and(eq(rentAccounts.municipality, municipality), eq(tenancies.status, 'active')));
  const entries = await db
    .select({ entry: rentLedger })
    .from(rentLedger)
    .innerJoin(rentAccounts, eq(rentAccounts.caseId, rentLedger.caseId))
    .where(eq(rentAccounts.municipality, municipality));
  const byCase = new Map<string, LedgerEntry[]>();
  for (const { entry: r } of entries) {
    const list = byCase.get(r.caseId) ?? [];
    list.push(toLedgerEntry(r));
    byCase.set(r.caseId, list);
  }
  const cases = rows.flatMap(({ caseId, rent }) => (rent ? [{ rent, summary: summarizeLedger(byCase.get(caseId) ?? [], asOf) }] : []));
  return { municipality, ...rentFigures(asOf, cases) };
}
