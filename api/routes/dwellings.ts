import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { dwellingOfRow, saveDwelling } from '../../db/dwelling-store';
import { dwellings } from '../../db/schema';
import { municipalityCode } from '../../domain/schemas/common';
import { Dwelling } from '../../domain/schemas/dwelling';
import { listedMunicipality, worksIn } from '../auth';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

const DwellingInput = Dwelling.extend({ municipality: municipalityCode });

/** The municipality's dwelling register: no personal data, so no audit entries. */
export function registerDwellingRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'put',
      path: '/api/dwellings',
      summary: 'Legg til eller oppdater en bolig i boligregisteret',
      tag: 'Boliger',
      roles: ['housing_officer', 'housing_office'],
      body: DwellingInput,
      responses: { 200: { description: 'Boligen er lagret', schema: DwellingInput } },
    },
    async ({ actor, body }) => {
      if (!worksIn(actor, body.municipality)) throw new HttpError(403, 'Du kan bare endre boligregisteret i din egen kommune.');
      const { municipality, ...dwelling } = body;
      await saveDwelling(db, municipality, dwelling);
      return { status: 200, body };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/dwellings',
      summary: 'List boligene i kommunens boligregister',
      tag: 'Boliger',
      roles: ['housing_officer', 'housing_office'],
      query: z.object({ municipality: municipalityCode.optional() }),
      responses: { 200: { description: 'Boliger', schema: z.object({ dwellings: z.array(Dwelling) }) } },
    },
    async ({ actor, query }) => {
      const municipality = listedMunicipality(actor, query.municipality);
      const rows = await db.select().from(dwellings).where(eq(dwellings.municipality, municipality)).orderBy(asc(dwellings.address));
      return { status: 200, body: { dwellings: rows.map(dwellingOfRow) } };
    },
  );
}
