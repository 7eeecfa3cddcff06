import { z } from 'zod';

export const DWELLING_OWNERSHIP = ['municipal', 'housing_cooperative', 'section'] as const;

/** A dwelling in the municipality's register (kommunalt disponert bolig). Money in øre. */
export const Dwelling = z.strictObject({
  id: z.string().trim().min(1).max(60),
  address: z.string().trim().min(3).max(200),
  sizeSqm: z.int().min(5).max(500),
  rooms: z.int().min(1).max(12),
  floor: z.int().min(-1).max(40),
  accessible: z.boolean(),
  coLocated: z.boolean(),
  monthlyRentOre: z.int().min(0).max(10_000_000),
  /**
   * Where it lies (beliggenhet), as the municipality names its areas: «Tynset sentrum», «Tylldalen».
   * Seed 002 fits dwelling and tenant by size, location and economy; the interview's wishes are checked against it.
   */
  location: z.string().trim().min(2).max(100).optional(),
  /**
   * Ownership form: owned by the municipality, a share in a housing co-operative (borettslag) or a
   * section (eierseksjon) the municipality owns in a sameie. The co-operative's or sameie's own
   * house rules and board come with the last two. Optional: rows registered before it was asked.
   */
  ownership: z.enum(DWELLING_OWNERSHIP).optional(),
});
export type Dwelling = z.infer<typeof Dwelling>;
