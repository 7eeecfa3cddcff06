import { z } from 'zod';
import { municipalityCode } from './common';

/** Queries of the ops overview, the search and the committee's decision list (strict: unknown fields refused). */

export const OpsOverviewQuery = z.strictObject({
  municipality: municipalityCode.optional().meta({ description: 'Bare for nasjonal administrator' }),
});

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, 'må ha minst 2 tegn')
    .max(100, 'kan ha høyst 100 tegn')
    .meta({ description: 'Navn, saksnummer, KID eller adresse' }),
  municipality: municipalityCode.optional().meta({ description: 'Bare for nasjonal administrator' }),
});

export const CommitteeDecisionsQuery = z.strictObject({
  status: z.enum(['open', 'overdue', 'refused', 'all'], 'må være «open», «overdue», «refused» eller «all»').default('open'),
});
