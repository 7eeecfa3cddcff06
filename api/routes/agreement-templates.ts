import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { agreementTemplates } from '../../db/schema';
import { DEFAULT_TEMPLATE, type AgreementTemplate } from '../../domain/agreement-template';
import { AgreementTemplateSchema } from '../../domain/schemas/agreement-template';
import { municipalityCode } from '../../domain/schemas/common';
import { worksIn } from '../auth';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

/** The template version in force: the newest the municipality published, else the national default (seed 000). */
export async function currentTemplate(db: Database, municipality: string): Promise<AgreementTemplate> {
  const [row] = await db.select().from(agreementTemplates).where(eq(agreementTemplates.municipality, municipality)).orderBy(desc(agreementTemplates.version)).limit(1);
  return row ? (row.template as AgreementTemplate) : DEFAULT_TEMPLATE;
}

const Params = z.object({ municipality: municipalityCode });

/**
 * A municipality edits its template by publishing a new version. Signed agreements keep the copy
 * they were drafted from; only a revision signed again takes the new version.
 */
export function registerAgreementTemplateRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/agreement-template',
      summary: 'Gjeldende mal for oppfølgingsavtale',
      tag: 'Kommune',
      roles: ['housing_office', 'housing_officer', 'follow_up_worker'],
      params: Params,
      responses: { 200: { description: 'Malen', schema: AgreementTemplateSchema } },
    },
    async ({ actor, params }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      return { status: 200, body: await currentTemplate(db, params.municipality) };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/municipalities/:municipality/agreement-template',
      summary: 'Publiser en ny versjon av malen (løpende avtaler endres ikke før de revideres)',
      tag: 'Kommune',
      roles: ['housing_office'],
      params: Params,
      body: AgreementTemplateSchema.omit({ version: true }),
      responses: { 201: { description: 'Ny versjon publisert', schema: AgreementTemplateSchema } },
    },
    async ({ actor, params, body }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      const current = await currentTemplate(db, params.municipality);
      const template: AgreementTemplate = { version: current.version + 1, rows: body.rows };
      const inserted = await db
        .insert(agreementTemplates)
        .values({ municipality: params.municipality, version: template.version, template, createdBy: actor.id })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length) throw new HttpError(409, 'Noen publiserte en ny versjon samtidig. Last malen på nytt og prøv igjen.');
      return { status: 201, body: template };
    },
  );
}
