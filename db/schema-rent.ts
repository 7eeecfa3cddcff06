import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { RentLadderDefinition } from '../domain/rent/ladder';
import { LEDGER_ENTRY_KINDS } from '../domain/rent/ledger';

/** Which tenancy a KID belongs to, and what the import needs to know about it. Written by the tenancy's workflow. */
export const rentAccounts = pgTable('rent_accounts', {
  caseId: text('case_id').primaryKey(),
  municipality: text('municipality').notNull(),
  workflowId: text('workflow_id').notNull(),
  kid: text('kid').notNull().unique(),
  monthlyRentOre: integer('monthly_rent_ore').notNull(),
  dueDay: integer('due_day').notNull(),
  allowanceAssigned: boolean('allowance_assigned').notNull(),
  /** 'YYYY-MM': housing allowance for this period or later is the tenant's, not the municipality's. */
  allowanceWithdrawnFrom: text('allowance_withdrawn_from'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The rent ledger: charges posted by the tenancy's workflow, payments and housing allowance from
 * the finance system's files, credits and write-offs by staff. Append-only; balances are derived
 * (`domain/rent/ledger.ts`). The dedup key makes every write safe to repeat.
 */
export const rentLedger = pgTable(
  'rent_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id').notNull(),
    /** `charge:<period>`, `txn:<transaction id>`, …: a repeated write or re-imported line is a no-op. */
    dedupKey: text('dedup_key').notNull().unique(),
    kind: text('kind', { enum: LEDGER_ENTRY_KINDS }).notNull(),
    amountOre: integer('amount_ore').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    period: text('period'),
    dueDate: date('due_date', { mode: 'string' }),
    /** Import ID, 'workflow', or the staff member. */
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rent_ledger_case_idx').on(t.caseId, t.date)],
);

/**
 * One payments file: imported once per municipality (by content hash), with what happened to every
 * line. Two municipalities may receive byte-identical files; each sees only its own import.
 */
export const rentPaymentImports = pgTable('rent_payment_imports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** The importer's municipality ('*' for a national administrator); rows from before 0008 have ''. */
  municipality: text('municipality').notNull().default(''),
  fileHash: text('file_hash').notNull(),
  filename: text('filename').notNull(),
  importedBy: text('imported_by').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  lineCount: integer('line_count').notNull(),
  appliedCount: integer('applied_count').notNull(),
  duplicateCount: integer('duplicate_count').notNull(),
  /** Lines whose KID or case reference matched no tenancy: kept here for manual matching. */
  unmatched: jsonb('unmatched').$type<Array<{ line: number; transactionId: string; reason: string }>>().notNull(),
  casesTouched: jsonb('cases_touched').$type<string[]>().notNull(),
}, (t) => [uniqueIndex('rent_payment_imports_municipality_file_idx').on(t.municipality, t.fileHash)]);

/** Published versions of a municipality's arrears ladder; a case keeps the version it started with. */
export const rentLadders = pgTable(
  'rent_ladders',
  {
    municipality: text('municipality').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<RentLadderDefinition>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.version] })],
);
