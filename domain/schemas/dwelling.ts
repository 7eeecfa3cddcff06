import { z } from 'zod';

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
});
export type Dwelling = z.infer<typeof Dwelling>;
