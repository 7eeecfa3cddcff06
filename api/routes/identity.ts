import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { groupRoleMappings, staffDirectory, subjectRoleMappings } from '../../db/schema-auth';
import { municipalityCode } from '../../domain/schemas/common';
import { MAPPABLE_ROLES, SubjectRolesBody, SubjectRolesResponse } from '../../domain/schemas/identity';
import { ROLES, type Actor } from '../../domain/roles';
import { audit } from '../audit';
import { worksIn } from '../auth';
import { endSessionsOf, listActiveSessions } from '../auth/sessions';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

const MunicipalityParams = z.strictObject({ municipality: z.union([municipalityCode, z.literal('*')]) });

const Mapping = z.strictObject({
  groupId: z.string().trim().min(1, 'gruppe-ID mangler').max(200, 'gruppe-ID-en er for lang'),
  role: z.enum(MAPPABLE_ROLES as [string, ...string[]], 'ukjent rolle'),
});
const MappingBody = z.strictObject({ mappings: z.array(Mapping).max(500, 'høyst 500 gruppetilknytninger') });
const MappingResponse = z.object({
  municipality: z.string(),
  mappings: z.array(z.object({ groupId: z.string(), role: z.string(), updatedBy: z.string(), updatedAt: z.string() })),
});

const StaffQuery = z.strictObject({
  ids: z
    .string()
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(200, 'en bruker-ID er for lang')).min(1, 'oppgi minst én bruker-ID').max(100, 'høyst 100 bruker-ID-er om gangen')),
});

const Me = z.object({
  id: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.string()),
  municipality: z.string(),
  authMethod: z.string(),
  /** Send back in `X-CSRF-Token` on every POST, PUT, PATCH and DELETE made with the session cookie. */
  csrfToken: z.string().optional(),
  sessionExpiresAt: z.string().optional(),
});

function assertAdminOf(actor: Actor, municipality: string): void {
  // A municipality's administrator edits its own mapping; only national administration edits `*`.
  if (municipality === '*' ? actor.municipality !== '*' : !worksIn(actor, municipality)) {
    throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
  }
}

async function readMappings(db: Database, municipality: string) {
  const rows = await db.select().from(groupRoleMappings).where(eq(groupRoleMappings.municipality, municipality)).orderBy(groupRoleMappings.groupId, groupRoleMappings.role);
  return rows.map((r) => ({ groupId: r.groupId, role: r.role, updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() }));
}

async function readSubjectRoles(db: Database, municipality: string) {
  const rows = await db.select().from(subjectRoleMappings).where(eq(subjectRoleMappings.municipality, municipality)).orderBy(subjectRoleMappings.name, subjectRoleMappings.subject, subjectRoleMappings.role);
  const people = new Map<string, { subject: string; name: string; roles: string[]; updatedBy: string; updatedAt: string }>();
  for (const r of rows) {
    const person = people.get(r.subject) ?? { subject: r.subject, name: r.name, roles: [], updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() };
    person.roles.push(r.role);
    people.set(r.subject, person);
  }
  return [...people.values()];
}

export function registerIdentityRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/me',
      summary: 'Den innloggede: ID, navn, roller, kommune og CSRF-token for økten',
      tag: 'Innlogging',
      roles: ROLES,
      responses: { 200: { description: 'Den innloggede', schema: Me } },
    },
    async ({ req, actor }) => {
      const [person] = await db.select({ name: staffDirectory.name }).from(staffDirectory).where(eq(staffDirectory.subject, actor.id));
      return {
        status: 200,
        headers: { 'cache-control': 'no-store' },
        body: {
          id: actor.id,
          name: person?.name ?? null,
          roles: actor.roles,
          municipality: actor.municipality,
          authMethod: req.authMethod ?? 'static_token',
          ...(req.session ? { csrfToken: req.session.csrfToken, sessionExpiresAt: req.session.expiresAt.toISOString() } : {}),
        },
      };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/staff',
      summary: 'Navn på ansatte i egen kommune ut fra bruker-ID (saker lagrer ID-en fra innloggingen, og viser navnet)',
      tag: 'Innlogging',
      roles: ['housing_officer', 'follow_up_worker', 'housing_office', 'department_head', 'administrative_officer', 'committee_member'],
      query: StaffQuery,
      responses: { 200: { description: 'Navnene som er kjent (fra siste innlogging)', schema: z.object({ staff: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
    },
    async ({ actor, query }) => {
      const rows = await db
        .select({ id: staffDirectory.subject, name: staffDirectory.name })
        .from(staffDirectory)
        .where(and(inArray(staffDirectory.subject, query.ids), actor.municipality === '*' ? sql`true` : eq(staffDirectory.municipality, actor.municipality)));
      return { status: 200, body: { staff: rows } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/group-roles',
      summary: 'Hvilke grupper i katalogen (Entra-gruppe-ID) som gir hvilke roller i kommunen',
      tag: 'Innlogging',
      roles: ['admin'],
      params: MunicipalityParams,
      responses: { 200: { description: 'Gruppetilknytningene', schema: MappingResponse } },
    },
    async ({ actor, params }) => {
      assertAdminOf(actor, params.municipality);
      return { status: 200, body: { municipality: params.municipality, mappings: await readMappings(db, params.municipality) } };
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/api/municipalities/:municipality/group-roles',
      summary: 'Erstatt kommunens gruppetilknytninger; gjelder fra brukerens neste innlogging',
      tag: 'Innlogging',
      roles: ['admin'],
      params: MunicipalityParams,
      body: MappingBody,
      responses: { 200: { description: 'Lagret', schema: MappingResponse } },
    },
    async ({ req, actor, params, body }) => {
      assertAdminOf(actor, params.municipality);
      const unique = [...new Map(body.mappings.map((m) => [`${m.groupId}\u0000${m.role}`, m])).values()];
      await db.transaction(async (tx) => {
        await tx.delete(groupRoleMappings).where(eq(groupRoleMappings.municipality, params.municipality));
        if (unique.length) {
          await tx.insert(groupRoleMappings).values(unique.map((m) => ({ municipality: params.municipality, groupId: m.groupId, role: m.role, updatedBy: actor.id })));
        }
      });
      await audit(db, req, 'write', null, 200);
      return { status: 200, body: { municipality: params.municipality, mappings: await readMappings(db, params.municipality) } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/subject-roles',
      summary: 'Hvilke personer (ID fra innloggingen) som har hvilke roller i kommunen, for innlogging uten grupper (ID-porten)',
      tag: 'Innlogging',
      roles: ['admin'],
      params: MunicipalityParams,
      responses: { 200: { description: 'De personlige tilknytningene', schema: SubjectRolesResponse } },
    },
    async ({ req, actor, params }) => {
      assertAdminOf(actor, params.municipality);
      const people = await readSubjectRoles(db, params.municipality);
      // The list names people (with OIDC_SUBJECT_CLAIM=pid, by identity number): reading it is logged.
      await audit(db, req, 'read', null, 200);
      return { status: 200, body: { municipality: params.municipality, people } };
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/api/municipalities/:municipality/subject-roles',
      summary: 'Erstatt kommunens personlige rolletilknytninger (ID-porten); gjelder fra personens neste innlogging',
      tag: 'Innlogging',
      roles: ['admin'],
      params: MunicipalityParams,
      body: SubjectRolesBody,
      responses: { 200: { description: 'Lagret', schema: SubjectRolesResponse } },
    },
    async ({ req, actor, params, body }) => {
      assertAdminOf(actor, params.municipality);
      const rows = body.people.flatMap((p) => [...new Set(p.roles)].map((role) => ({ municipality: params.municipality, subject: p.subject, role, name: p.name, updatedBy: actor.id })));
      await db.transaction(async (tx) => {
        await tx.delete(subjectRoleMappings).where(eq(subjectRoleMappings.municipality, params.municipality));
        // 1,000 rows (6,000 parameters) per statement: PostgreSQL takes at most 65,535 parameters.
        for (let i = 0; i < rows.length; i += 1_000) await tx.insert(subjectRoleMappings).values(rows.slice(i, i + 1_000));
      });
      await audit(db, req, 'write', null, 200);
      return { status: 200, body: { municipality: params.municipality, people: await readSubjectRoles(db, params.municipality) } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/staff',
      summary: 'Hvem som har hvilke roller (fra siste innlogging) og hvem som er innlogget nå',
      tag: 'Innlogging',
      roles: ['admin'],
      params: MunicipalityParams,
      responses: {
        200: {
          description: 'Ansatte og aktive økter',
          schema: z.object({
            staff: z.array(z.object({ subject: z.string(), name: z.string(), roles: z.array(z.string()), lastLoginAt: z.string() })),
            activeSessions: z.array(z.object({ subject: z.string(), roles: z.array(z.string()), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string() })),
          }),
        },
      },
    },
    async ({ req, actor, params }) => {
      assertAdminOf(actor, params.municipality);
      const where = params.municipality === '*' ? sql`true` : eq(staffDirectory.municipality, params.municipality);
      const staff = await db.select().from(staffDirectory).where(where).orderBy(staffDirectory.name);
      const sessions = await listActiveSessions(db, params.municipality);
      await audit(db, req, 'read', null, 200);
      return {
        status: 200,
        body: {
          staff: staff.map((s) => ({ subject: s.subject, name: s.name, roles: s.roles, lastLoginAt: s.lastLoginAt.toISOString() })),
          activeSessions: sessions.map((s) => ({
            subject: s.subject,
            roles: s.roles,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            expiresAt: s.expiresAt.toISOString(),
          })),
        },
      };
    },
  );

  routes.add(
    {
      method: 'delete',
      path: '/api/municipalities/:municipality/staff/:subject/sessions',
      summary: 'Logg ut en ansatt overalt nå (for eksempel når en rolle er tatt bort); neste innlogging får rollene fra katalogen',
      tag: 'Innlogging',
      roles: ['admin'],
      params: MunicipalityParams.extend({ subject: z.string().min(1).max(200) }),
      responses: { 200: { description: 'Øktene som ble avsluttet', schema: z.object({ ended: z.number() }) } },
    },
    async ({ req, actor, params }) => {
      assertAdminOf(actor, params.municipality);
      const ended = await endSessionsOf(db, params.subject, params.municipality);
      await audit(db, req, 'write', null, 200);
      return { status: 200, body: { ended } };
    },
  );
}
