import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
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

/** An unmatched payment as kept with its import: whose work list, and what a manual match posts. */
export interface UnmatchedPaymentRecord {
  municipality: string;
  date: string;
  amountOre: number;
  kid?: string;
  caseId?: string;
  type: 'payment' | 'housing_allowance';
  period?: string;
  reversal?: boolean;
}

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
  /** With the payment itself since bank files (api/payment-import.ts `Unmatched`), for the work list. */
  unmatched: jsonb('unmatched').$type<Array<{ line: number; transactionId: string; reason: string; element?: string; payment?: UnmatchedPaymentRecord }>>().notNull(),
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

/**
 * Unmatched payments a person posted to a case by hand (`POST /api/rent/unmatched-payments/match`).
 * One row per payment (import and transaction) and per idempotency key; the ledger row it wrote has
 * the same `txn:` dedup key a file would have used, so the payment can never be posted twice.
 */
export const rentPaymentMatches = pgTable(
  'rent_payment_matches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    importId: bigint('import_id', { mode: 'number' }).notNull(),
    transactionId: text('transaction_id').notNull(),
    caseId: text('case_id').notNull(),
    /** `{municipality}:{Idempotency-Key}` of the request that made the match. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Canonical hash of the request: the same key with other content is refused. */
    requestHash: text('request_hash').notNull(),
    reason: text('reason').notNull(),
    matchedBy: text('matched_by').notNull(),
    matchedAt: timestamp('matched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('rent_payment_matches_payment_uq').on(t.importId, t.transactionId)],
);
