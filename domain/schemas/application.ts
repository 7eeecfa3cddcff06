import { z } from 'zod';
import { isoDate, municipalityCode } from './common';

/** Søknad om kommunal bolig: what the applicant tells the housing office at intake. */
export const ApplicationInput = z.strictObject({
  municipality: municipalityCode,
  applicant: z.strictObject({
    name: z.string().trim().min(2).max(200),
    birthDate: isoDate.optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ]{8,16}$/, 'må være et telefonnummer med 8 til 16 sifre').optional(),
    email: z.email().optional(),
  }),
  householdMembers: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        relation: z.enum(['partner', 'child', 'other']),
        birthYear: z.int().min(1900).max(2100).optional(),
      }),
    )
    .max(20)
    .default([]),
  currentHousing: z.string().trim().min(1).max(4000),
  language: z.string().trim().min(2).max(60).default('norsk'),
  needsInterpreter: z.boolean().default(false),
  receivedDate: isoDate.optional(),
  housingOfficerId: z.string().trim().min(1).max(100).optional(),
});

export type ApplicationInput = z.input<typeof ApplicationInput>;
/** The validated form, defaults filled in. */
export type ApplicationData = z.output<typeof ApplicationInput>;
