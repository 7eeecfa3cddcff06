import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { privateRentals } from '../../db/schema-private-rental';
import type { PrivateRentalView } from '../../domain/private-rental/timers';
import { privateRentalStatistics } from '../../domain/private-rental/statistics';
import { IdempotencyKey, municipalityCode } from '../../domain/schemas/common';
import { LandlordReportInput, PrivateRentalActionPayload } from '../../domain/schemas/private-rental';
import type { TenancyView } from '../../domain/tenancy/view';
import { privateRentalActionUpdate } from '../../workflows/messages';
import { audit } from '../audit';
import { listedMunicipality, worksIn } from '../auth';
import { CaseParams, IdempotencyHeaders, loadAccessibleCase, type CaseRow } from '../case-access';
import { HttpError } from '../errors';
import { formReply } from '../form-submissions';
import { claimIdempotencyKey } from '../idempotency-keys';
import { receiveLandlordReport } from '../landlord-report-intake';
import type { ApiRoutes } from '../routes';
import type { IntakeDeps } from '../tenancy-intake';

const SubmissionHeaders = z.object({ 'Idempotency-Key': IdempotencyKey.meta({ description: 'Skjemaets innsendings-ID, laget av klienten' }) });

const Referral = z.object({
  workflowId: z.string(),
  phase: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  referredDate: z.string(),
  moveInDate: z.string().nullable(),
  nextDeadline: z.string().nullable(),
});

/** The private-rental workflow a case is in now: the tenancy's snapshot names it while its phase is `private_rental`. */
function currentWorkflowId(row: CaseRow): string | undefined {
  if (row.phase !== 'private_rental') return undefined;
  return (row.snapshot as Partial<TenancyView> | null)?.privateRental?.workflowId;
}

export function registerPrivateRentalRoutes(routes: ApiRoutes, deps: IntakeDeps & { temporal: Client }): void {
  const { db, temporal } = deps;

  /**
   * Need to know as for the tenancy, and also the follow-up worker named in the trygghetsplan of the
   * case's current private rental.
   */
  const load = (req: Parameters<typeof loadAccessibleCase>[1], actor: Parameters<typeof loadAccessibleCase>[2], caseId: string, alsoIntake = false) =>
    loadAccessibleCase(db, req, actor, caseId, async (c) => {
      if (alsoIntake && actor.roles.includes('intake') && worksIn(actor, c.municipality)) return true;
      if (!actor.roles.includes('follow_up_worker')) return false;
      const [latest] = await db.select({ followUpWorkerId: privateRentals.followUpWorkerId }).from(privateRentals).where(eq(privateRentals.caseId, c.caseId)).orderBy(desc(privateRentals.createdAt)).limit(1);
      return latest?.followUpWorkerId === actor.id;
    });

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/private-rental',
      summary: 'Hjelp til å leie privat: sakens nåværende tilstand og tidligere henvisninger',
      tag: 'Privat leie',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
      params: CaseParams,
      responses: {
        200: {
          description: 'Henvisningene (eldste først) og tilstanden i den siste',
          schema: z.object({ referrals: z.array(Referral), current: z.record(z.string(), z.unknown()).nullable() }),
        },
      },
    },
    async ({ req, actor, params }) => {
      const row = await load(req, actor, params.caseId);
      const rows = await db.select().from(privateRentals).where(eq(privateRentals.caseId, row.caseId)).orderBy(asc(privateRentals.createdAt));
      await audit(db, req, 'read', row.caseId, 200);
      return {
        status: 200,
        body: {
          referrals: rows.map(({ workflowId, phase, status, outcome, referredDate, moveInDate, nextDeadline }) => ({ workflowId, phase, status, outcome, referredDate, moveInDate, nextDeadline })),
          current: (rows.at(-1)?.snapshot as PrivateRentalView | undefined) ?? null,
        },
      };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/private-rental/actions',
      summary: 'Utfør en handling i hjelp til å leie privat (kartlegging, visning, kontroll av leieavtale, garanti, ...)',
      tag: 'Privat leie',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
      params: CaseParams,
      headers: IdempotencyHeaders,
      body: PrivateRentalActionPayload,
      responses: {
        200: { description: 'Handlingen er utført', schema: z.object({ accepted: z.literal(true), type: z.string(), version: z.int(), message: z.string() }) },
        409: { description: 'Handlingen passer ikke med der saken står nå, eller saken følges ikke i denne prosessen' },
        422: { description: 'Idempotensnøkkelen er brukt for en annen handling' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await load(req, actor, params.caseId);
      const workflowId = currentWorkflowId(row);
      if (!workflowId) {
        await audit(db, req, 'write', row.caseId, 409);
        throw new HttpError(409, 'Saken følges ikke i prosessen for hjelp til å leie privat. Henvis søkeren dit fra søknaden først.');
      }
      const idempotencyKey = await claimIdempotencyKey(db, { scope: 'private-rental-action', key: headers['Idempotency-Key'], target: row.caseId, content: body, actorId: actor.id });
      const result = await temporal.workflow
        .getHandle(workflowId)
        .executeUpdate(privateRentalActionUpdate, { args: [{ idempotencyKey, actor, payload: body }], updateId: idempotencyKey })
        .catch((err: unknown) => {
          if (err instanceof WorkflowNotFoundError) throw new HttpError(409, 'Saken er ikke klar ennå. Prøv igjen om litt.');
          throw err;
        });
      await audit(db, req, 'write', row.caseId, 200);
      return { status: 200, body: result };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/private-rental/landlord-reports',
      summary: 'Meld et problem fra utleier (skjema for utleiere, telefon, e-post)',
      tag: 'Privat leie',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker', 'intake'],
      params: CaseParams,
      headers: SubmissionHeaders,
      body: LandlordReportInput,
      responses: {
        201: { description: 'Meldingen er registrert i saken' },
        200: { description: 'Samme innsending igjen: allerede registrert' },
        202: { description: 'Lagret; registreres når saken kan ta imot den (etter innflytting)' },
        409: { description: 'Saken følges ikke i prosessen for hjelp til å leie privat' },
        422: { description: 'Innsendings-IDen er brukt for et annet skjema' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await load(req, actor, params.caseId, true);
      const workflowId = currentWorkflowId(row);
      const outcome = await receiveLandlordReport(deps, { actor, caseId: row.caseId, municipality: row.municipality, submissionId: headers['Idempotency-Key'], report: body, workflowId }).catch(async (err: unknown) => {
        if (err instanceof HttpError) await audit(db, req, 'write', row.caseId, err.status);
        throw err;
      });
      const reply = formReply(outcome);
      await audit(db, req, 'write', row.caseId, reply.status);
      return reply;
    },
  );

  const Amount = z.object({ count: z.int(), amountOre: z.int() });
  routes.add(
    {
      method: 'get',
      path: '/api/private-rental/statistics',
      summary: 'Tall for hjelp til å leie privat: husstander hjulpet, tid fra kartlegging til innflytting, garantier og depositum',
      tag: 'Statistikk',
      roles: ['housing_officer', 'housing_office', 'committee_member'],
      query: z.strictObject({ municipality: municipalityCode.optional() }),
      responses: {
        200: {
          description: 'Tall uten personopplysninger',
          schema: z.object({
            referrals: z.int(),
            active: z.int(),
            closedByOutcome: z.record(z.string(), z.int()),
            householdsHelped: z.int(),
            daysMappingToMoveIn: z.object({ count: z.int(), median: z.number().nullable(), average: z.number().nullable() }),
            guarantees: z.object({ issued: Amount, claimed: Amount, paid: Amount }),
            deposits: z.object({ tenant: z.int(), nav_loan: z.int(), nav_grant: z.int() }),
          }),
        },
      },
    },
    async ({ actor, query }) => {
      const municipality = listedMunicipality(actor, query.municipality);
      const rows = await db.select({ snapshot: privateRentals.snapshot }).from(privateRentals).where(eq(privateRentals.municipality, municipality));
      return { status: 200, body: privateRentalStatistics(rows.map((r) => r.snapshot as PrivateRentalView)) };
    },
  );
}
