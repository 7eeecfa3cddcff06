import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Co-located housing (bofellesskap): a group of dwellings from the register with staff of its own.
 * The department head and the administrative officer work in one or more units, and their access
 * to cases follows the units (need to know), not the municipality.
 */
export const coLocatedUnits = pgTable(
  'co_located_units',
  {
    municipality: text('municipality').notNull(),
    unitId: text('unit_id').notNull(),
    name: text('name').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.unitId] })],
);

/** Which unit a dwelling belongs to: a dwelling is in at most one unit. */
export const coLocatedUnitDwellings = pgTable(
  'co_located_unit_dwellings',
  {
    municipality: text('municipality').notNull(),
    dwellingId: text('dwelling_id').notNull(),
    unitId: text('unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.dwellingId] }), index('co_located_unit_dwellings_unit_idx').on(t.municipality, t.unitId)],
);

/** Who works in a unit (user IDs as the login knows them). */
export const coLocatedUnitStaff = pgTable(
  'co_located_unit_staff',
  {
    municipality: text('municipality').notNull(),
    unitId: text('unit_id').notNull(),
    actorId: text('actor_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.unitId, t.actorId] }), index('co_located_unit_staff_actor_idx').on(t.municipality, t.actorId)],
);
