import { z } from 'zod';
import { isValidIsoDate } from './calendar';

/** A calendar date 'YYYY-MM-DD' that exists (rejects 2026-02-30). */
export const isoDate = z
  .string()
  .refine(isValidIsoDate, { message: 'må være en dato på formen ÅÅÅÅ-MM-DD' })
  .meta({ format: 'date', example: '2026-11-23' });

export const municipalityCode = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'må være en kommunekode med små bokstaver, for eksempel «tynset»');

/** Søknad om kommunal bolig: what the applicant tells the housing office at intake. */
export const ApplicationInput = z
  .object({
    municipality: municipalityCode,
    applicant: z.object({
      name: z.string().trim().min(2).max(200),
      birthDate: isoDate.optional(),
      phone: z.string().trim().regex(/^\+?[0-9 ]{8,16}$/, 'må være et telefonnummer med 8 til 16 sifre').optional(),
      email: z.email().optional(),
    }),
    householdMembers: z
      .array(
        z.object({
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
  })
  .strict();

export type ApplicationInput = z.input<typeof ApplicationInput>;
/** The validated form, defaults filled in. */
export type ApplicationData = z.output<typeof ApplicationInput>;
/** An application as the case holds it: the received date is always known. */
export type Application = ApplicationData & { receivedDate: string };

/** Client-generated key that makes a form submission safe to resend. */
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, 'må ha minst 8 tegn')
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'kan bare inneholde bokstaver, tall og . _ : -');
