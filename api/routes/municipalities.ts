import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { municipalityPolicies } from '../../db/schema';
import { notificationContacts } from '../../db/schema-notifications';
import { municipalityCode } from '../../domain/schemas/common';
import { PolicyOverrides } from '../../domain/schemas/policy';
import { policyWith, type TenancyPolicy } from '../../domain/tenancy/policy';
import { worksIn } from '../auth';
import { currentRentLadder } from './rent';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

/** The policy a new case in this municipality starts with: its overrides over the defaults. */
export async function municipalityPolicy(db: Database, municipality: string): Promise<TenancyPolicy> {
  const [row] = await db.select().from(municipalityPolicies).where(eq(municipalityPolicies.municipality, municipality));
  return policyWith(row?.overrides as PolicyOverrides | undefined, await currentRentLadder(db, municipality));
}

const Params = z.object({ municipality: municipalityCode });
const PolicyResponse = z.object({ municipality: z.string(), overrides: PolicyOverrides, effective: z.record(z.string(), z.unknown()) });

export function registerMunicipalityRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/policy',
      summary: 'Kommunens regler for nye saker (frister, leietid, egne punkter på sjekklisten)',
      tag: 'Kommune',
      roles: ['housing_office', 'housing_officer'],
      params: Params,
      responses: { 200: { description: 'Reglene', schema: PolicyResponse } },
    },
    async ({ actor, params }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      const [row] = await db.select().from(municipalityPolicies).where(eq(municipalityPolicies.municipality, params.municipality));
      const overrides = (row?.overrides ?? {}) as PolicyOverrides;
      return { status: 200, body: { municipality: params.municipality, overrides, effective: policyWith(overrides) } };
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/api/municipalities/:municipality/policy',
      summary: 'Endre kommunens regler; gjelder saker som starter etter endringen',
      tag: 'Kommune',
      roles: ['housing_office'],
      params: Params,
      body: PolicyOverrides,
      responses: { 200: { description: 'Lagret', schema: PolicyResponse } },
    },
    async ({ actor, params, body }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      await db
        .insert(municipalityPolicies)
        .values({ municipality: params.municipality, overrides: body, updatedBy: actor.id })
        .onConflictDoUpdate({ target: municipalityPolicies.municipality, set: { overrides: body, updatedBy: actor.id, updatedAt: new Date() } });
      return { status: 200, body: { municipality: params.municipality, overrides: body, effective: policyWith(body) } };
    },
  );
}

const Contacts = z
  .object({
    housing_office: z.email(),
    follow_up_worker: z.email(),
    housing_officer: z.email(),
    department_head: z.email(),
    administrative_officer: z.email(),
    committee_member: z.email(),
    nav: z.email(),
  })
  .partial()
  .strict();

/** Team mailboxes that notices to a role go to (boligkontoret@…, oppfolging@…). */
export function registerContactRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'put',
      path: '/api/municipalities/:municipality/contacts',
      summary: 'Sett e-postadresser (felles postkasser) som varsler til hver rolle går til',
      tag: 'Kommune',
      roles: ['housing_office'],
      params: Params,
      body: Contacts,
      responses: { 200: { description: 'Lagret', schema: Contacts } },
    },
    async ({ actor, params, body }) => {
      if (!worksIn(actor, params.municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
      for (const [role, email] of Object.entries(body)) {
        await db
          .insert(notificationContacts)
          .values({ municipality: params.municipality, role, email })
          .onConflictDoUpdate({ target: [notificationContacts.municipality, notificationContacts.role], set: { email } });
      }
      return { status: 200, body };
    },
  );
}
