import { z } from 'zod';
import { SITUATION_KEYS } from '../agreement-template';
import { ROLES } from '../roles';

/** A municipality's template as it is published and stored (validated at the edge). */
export const AgreementTemplateSchema = z.strictObject({
  version: z.int().min(1),
  rows: z
    .array(
      z.strictObject({
        key: z.enum(SITUATION_KEYS),
        situation: z.string().trim().min(3).max(1000),
        optional: z.boolean(),
        measures: z
          .array(z.strictObject({ text: z.string().trim().min(3).max(2000), responsible: z.array(z.enum(ROLES)).min(1), assessment: z.boolean().optional() }))
          .min(1)
          .max(12),
      }),
    )
    .min(1)
    .max(SITUATION_KEYS.length)
    .refine((rows) => new Set(rows.map((r) => r.key)).size === rows.length, 'hver situasjon kan bare stå én gang'),
});

