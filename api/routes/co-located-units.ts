import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { dwellings } from '../../db/schema';
import { coLocatedUnitDwellings, coLocatedUnitStaff, coLocatedUnits } from '../../db/schema-access';
import { municipalityCode } from '../../domain/schemas/common';
import { audit } from '../audit';
import { worksIn } from '../auth';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

const Params = z.object({ municipality: municipalityCode });
const UnitParams = Params.extend({ unitId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'må være små bokstaver, tall og bindestrek') });
const id = z.string().trim().min(1).max(100);
const UnitInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  dwellingIds: z.array(z.string().trim().min(1).max(60)).min(1).max(500),
  staffIds: z.array(id).max(200).meta({ description: 'Bruker-ID-ene til avdelingsleder og administrasjonskonsulent(er) som jobber her' }),
});
const Unit = z.object({ unitId: z.string(), name: z.string(), dwellingIds: z.array(z.string()), staffIds: z.array(z.string()) });

/**
 * Co-located housing units (bofellesskap): which dwellings of the register belong to one, and who
 * works there. The department head's and administrative officer's access to cases follows these.
 */
export function registerCoLocatedUnitRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'put',
      path: '/api/municipalities/:municipality/co-located-units/:unitId',
      summary: 'Opprett eller endre et bofellesskap: boligene og hvem som jobber der',
      tag: 'Kommune',
      roles: ['housing_office'],
      params: UnitParams,
      body: UnitInput,
      responses: {
        200: { description: 'Lagret', schema: Unit },
        409: { description: 'En av boligene hører til et annet bofellesskap' },
        422: { description: 'En av boligene finnes ikke i boligregisteret eller er ikke samlokalisert' },
      },
    },
    async ({ req, actor, params, body }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      const dwellingIds = [...new Set(body.dwellingIds)];
      const staffIds = [...new Set(body.staffIds)];
      const found = await db
        .select({ dwellingId: dwellings.dwellingId, coLocated: dwellings.coLocated })
        .from(dwellings)
        .where(and(eq(dwellings.municipality, params.municipality), inArray(dwellings.dwellingId, dwellingIds)));
      for (const d of dwellingIds) {
        const row = found.find((f) => f.dwellingId === d);
        if (!row) throw new HttpError(422, `Fant ikke bolig ${d} i boligregisteret.`);
        if (!row.coLocated) throw new HttpError(422, `Bolig ${d} er ikke registrert som samlokalisert bolig.`);
      }
      const taken = await db
        .select()
        .from(coLocatedUnitDwellings)
        .where(and(eq(coLocatedUnitDwellings.municipality, params.municipality), inArray(coLocatedUnitDwellings.dwellingId, dwellingIds)));
      const elsewhere = taken.find((t) => t.unitId !== params.unitId);
      if (elsewhere) throw new HttpError(409, `Bolig ${elsewhere.dwellingId} hører allerede til bofellesskapet ${elsewhere.unitId}. Fjern den der først.`);
      const key = { municipality: params.municipality, unitId: params.unitId };
      await db.transaction(async (tx) => {
        await tx
          .insert(coLocatedUnits)
          .values({ ...key, name: body.name, updatedBy: actor.id })
          .onConflictDoUpdate({ target: [coLocatedUnits.municipality, coLocatedUnits.unitId], set: { name: body.name, updatedBy: actor.id, updatedAt: new Date() } });
        await tx.delete(coLocatedUnitDwellings).where(and(eq(coLocatedUnitDwellings.municipality, key.municipality), eq(coLocatedUnitDwellings.unitId, key.unitId)));
        await tx.insert(coLocatedUnitDwellings).values(dwellingIds.map((dwellingId) => ({ ...key, dwellingId })));
        await tx.delete(coLocatedUnitStaff).where(and(eq(coLocatedUnitStaff.municipality, key.municipality), eq(coLocatedUnitStaff.unitId, key.unitId)));
        if (staffIds.length) await tx.insert(coLocatedUnitStaff).values(staffIds.map((actorId) => ({ ...key, actorId })));
      });
      // Who works where decides who sees which cases: the change itself is on the audit log.
      await audit(db, req, 'write', null, 200);
      return { status: 200, body: { unitId: params.unitId, name: body.name, dwellingIds, staffIds } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/co-located-units',
      summary: 'Kommunens bofellesskap, med boliger og ansatte',
      tag: 'Kommune',
      roles: ['housing_office', 'housing_officer'],
      params: Params,
      responses: { 200: { description: 'Bofellesskapene', schema: z.object({ units: z.array(Unit) }) } },
    },
    async ({ actor, params }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      const m = params.municipality;
      const [units, unitDwellings, staff] = await Promise.all([
        db.select().from(coLocatedUnits).where(eq(coLocatedUnits.municipality, m)).orderBy(asc(coLocatedUnits.unitId)),
        db.select().from(coLocatedUnitDwellings).where(eq(coLocatedUnitDwellings.municipality, m)).orderBy(asc(coLocatedUnitDwellings.dwellingId)),
        db.select().from(coLocatedUnitStaff).where(eq(coLocatedUnitStaff.municipality, m)).orderBy(asc(coLocatedUnitStaff.actorId)),
      ]);
      return {
        status: 200,
        body: {
          units: units.map((u) => ({
            unitId: u.unitId,
            name: u.name,
            dwellingIds: unitDwellings.filter((d) => d.unitId === u.unitId).map((d) => d.dwellingId),
            staffIds: staff.filter((s) => s.unitId === u.unitId).map((s) => s.actorId),
          })),
        },
      };
    },
  );
}
