import { z } from 'zod';
import { ROLES } from '../roles';

/** Roles a directory group or a person can be given; nav and tenant are parties to tasks, never API users. */
export const MAPPABLE_ROLES = ROLES.filter((r) => r !== 'nav' && r !== 'tenant');

const mappableRole = z.enum(MAPPABLE_ROLES as [string, ...string[]], 'ukjent rolle');

/**
 * One person's roles in a municipality whose provider sends no groups (ID-porten): `subject` is the
 * claim OIDC_SUBJECT_CLAIM names (`sub`, or the identity number `pid`); `name` is shown in cases,
 * since ID-porten sends none.
 */
export const SubjectRoles = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1, 'person-ID mangler')
    .max(200, 'person-ID-en er for lang')
    .regex(/^[\x21-\x7e]+$/, 'person-ID-en kan ikke inneholde mellomrom eller spesialtegn'),
  name: z.string().trim().min(1, 'navn mangler').max(200, 'navnet er for langt'),
  roles: z.array(mappableRole).min(1, 'oppgi minst én rolle').max(MAPPABLE_ROLES.length),
});

export const SubjectRolesBody = z.strictObject({
  people: z
    .array(SubjectRoles)
    .max(5000, 'høyst 5000 personer')
    .refine((people) => new Set(people.map((p) => p.subject)).size === people.length, 'samme person-ID står flere ganger'),
});

export const SubjectRolesResponse = z.object({
  municipality: z.string(),
  people: z.array(z.object({ subject: z.string(), name: z.string(), roles: z.array(z.string()), updatedBy: z.string(), updatedAt: z.string() })),
});
