import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/client';
import { tenancies } from '../db/schema';
import { rentAccounts, rentLedger, rentPaymentImports } from '../db/schema-rent';
import { parseBankFile } from '../domain/rent/bank-file';
import type { FileError, PaymentLine } from '../domain/rent/payments-file';
import type { Actor } from '../domain/roles';
import { forEachConcurrently } from '../platform/pool';
import { rentLedgerChangedSignal } from '../workflows/messages';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type Account = typeof rentAccounts.$inferSelect;

export interface Unmatched {
  line: number;
  transactionId: string;
  reason: string;
  /** Bank files (camt.054): the element the payment came from. */
  element?: string;
  /** What a manual match posts (api/routes/rent-unmatched.ts), and whose work list it is on. */
  payment?: UnmatchedPayment;
}

/** The payment itself, kept with the import so the work list can post it to a case by hand. */
export interface UnmatchedPayment {
  municipality: string;
  date: string;
  amountOre: number;
  kid?: string;
  caseId?: string;
  type: PaymentLine['type'];
  period?: string;
  reversal?: boolean;
}

function unmatchedOf(line: PaymentLine, reason: string, actor: Actor): Unmatched {
  const { line: n, transactionId, element, date, amountOre, kid, caseId, type, period, reversal } = line;
  return {
    line: n,
    transactionId,
    reason,
    ...(element ? { element } : {}),
    payment: { municipality: actor.municipality, date, amountOre, type, ...(kid ? { kid } : {}), ...(caseId ? { caseId } : {}), ...(period ? { period } : {}), ...(reversal ? { reversal } : {}) },
  };
}

export type ImportOutcome =
  | { status: 'rejected'; errors: FileError[] }
  | {
      status: 'applied' | 'already_imported';
      importId: number;
      lines: number;
      applied: number;
      /** Transactions already in the ledger (from an earlier file or the API): not applied again. */
      duplicates: number;
      unmatched: Unmatched[];
      casesTouched: string[];
      /** Touched cases whose workflow was woken (the rest cannot react to a payment: casesToWake). */
      casesSignalled?: string[];
    };

/** Which tenancy a line belongs to, or why it belongs to none the importer may post to. */
function matchLine(line: PaymentLine, accounts: Account[], actor: Actor): { account: Account } | { reason: string } {
  // A bank file's reversal, or a payment without one usable KID: a person decides.
  if (line.review) return { reason: line.review };
  const byKid = line.kid ? accounts.find((a) => a.kid === line.kid) : undefined;
  const byCase = line.caseId ? accounts.find((a) => a.caseId === line.caseId) : undefined;
  const account = byKid ?? byCase;
  const ref = line.kid ? `KID ${line.kid}` : `referanse ${line.caseId}`;
  // Someone else's municipality reads as unknown: the file does not learn which cases exist elsewhere.
  if (!account || (actor.municipality !== '*' && account.municipality !== actor.municipality)) return { reason: `Fant ingen leieforhold med ${ref}.` };
  if (byKid && byCase && byKid.caseId !== byCase.caseId) return { reason: `KID ${line.kid} og referanse ${line.caseId} hører til forskjellige leieforhold.` };
  if (line.type === 'housing_allowance') {
    // Bostøtte is the municipality's only under a transporterklæring in force for that period.
    const withdrawn = account.allowanceWithdrawnFrom && line.period! >= account.allowanceWithdrawnFrom;
    if (!account.allowanceAssigned && !withdrawn) return { reason: `Leietaker har ikke transporterklæring; bostøtten for ${line.period} tilhører leietaker.` };
    if (withdrawn) return { reason: `Transporterklæringen er trukket tilbake fra ${account.allowanceWithdrawnFrom}; bostøtten for ${line.period} tilhører leietaker.` };
  }
  return { account };
}

/** PostgreSQL takes at most 65 535 parameters per statement: a large file is written in slices. */
const SLICE = 1000;

/** Writes matched lines; a transaction already in the ledger is skipped, so any overlap is harmless. */
async function applyLines(tx: Tx, lines: PaymentLine[], actor: Actor, source: string): Promise<{ applied: number; duplicates: number; unmatched: Unmatched[]; casesTouched: string[]; allowanceCases: string[] }> {
  const unmatched: Unmatched[] = [];
  const touched = new Set<string>();
  const allowance = new Set<string>();
  let applied = 0;
  let duplicates = 0;
  for (let i = 0; i < lines.length; i += SLICE) {
    const slice = lines.slice(i, i + SLICE);
    const kids = slice.flatMap((l) => (l.kid ? [l.kid] : []));
    const caseIds = slice.flatMap((l) => (l.caseId ? [l.caseId] : []));
    const accounts = await tx
      .select()
      .from(rentAccounts)
      .where(or(kids.length ? inArray(rentAccounts.kid, kids) : undefined, caseIds.length ? inArray(rentAccounts.caseId, caseIds) : undefined));
    const rows: Array<typeof rentLedger.$inferInsert> = [];
    for (const line of slice) {
      const match = matchLine(line, accounts, actor);
      if ('reason' in match) {
        unmatched.push(unmatchedOf(line, match.reason, actor));
        continue;
      }
      rows.push({
        caseId: match.account.caseId,
        dedupKey: `txn:${match.account.municipality}:${line.transactionId}`,
        kind: line.type,
        amountOre: line.amountOre,
        date: line.date,
        period: line.period ?? null,
        source,
      });
    }
    const inserted = rows.length ? await tx.insert(rentLedger).values(rows).onConflictDoNothing({ target: rentLedger.dedupKey }).returning({ caseId: rentLedger.caseId, kind: rentLedger.kind }) : [];
    applied += inserted.length;
    duplicates += rows.length - inserted.length;
    for (const r of inserted) {
      touched.add(r.caseId);
      if (r.kind === 'housing_allowance') allowance.add(r.caseId);
    }
  }
  return { applied, duplicates, unmatched, casesTouched: [...touched].sort(), allowanceCases: [...allowance].sort() };
}

/** A payment changes what the ladder should do: tell each touched tenancy at once. */
const SIGNAL_CONCURRENCY = 32;
/** Each signal's own deadline: a month's file for 10,000 accounts takes longer than one request's. */
export const SIGNAL_DEADLINE_MS = 10_000;

export async function signalCases({ db, temporal, logger }: ImportDeps, caseIds: string[], importId?: string): Promise<{ signalled: number; failed: number }> {
  if (!caseIds.length) return { signalled: 0, failed: 0 };
  const accounts = await db.select({ caseId: rentAccounts.caseId, workflowId: rentAccounts.workflowId }).from(rentAccounts).where(inArray(rentAccounts.caseId, caseIds));
  let signalled = 0;
  let failed = 0;
  let failuresInARow = 0;
  // One after another, 10,000 accounts took six minutes of round trips; a bounded pool overlaps them.
  await forEachConcurrently(accounts, SIGNAL_CONCURRENCY, async ({ caseId, workflowId }) => {
    // Temporal is away (a whole pool's worth failed in a row): the rest would only wait out their
    // deadlines one by one. The ledger is committed; each case's next scheduled check reads it.
    if (failuresInARow >= SIGNAL_CONCURRENCY) return void failed++;
    try {
      // Not the request's deadline (api/edge.ts), which is for one answer: under it a file of 1,000
      // accounts on a busy machine lost most of its signals after ten seconds, and those cases
      // waited days for their next check with the payment already on the ledger.
      await temporal.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () => temporal.workflow.getHandle(workflowId).signal(rentLedgerChangedSignal, importId ? { importId } : {}));
      signalled++;
      failuresInARow = 0;
    } catch (err) {
      failed++;
      failuresInARow++;
      // The ledger is committed; the case's next scheduled check (at most a few days away) reads it.
      logger.warn({ err, caseId, workflowId }, 'Could not signal the tenancy about a payment; its next rent check will see it');
    }
  });
  if (failuresInARow >= SIGNAL_CONCURRENCY) logger.warn({ importId, signalled, failed }, 'Temporal did not answer; the remaining cases were not signalled and will see the payments at their next rent check');
  return { signalled, failed };
}

/**
 * The touched cases whose workflow must hear of the payments now: those whose last snapshot says a
 * payment can move their ladder (domain/tenancy/payment-wake.ts, kept as `tenancies.payment_wakes`),
 * every case that received bostøtte (its monthly settlement goes out at the check), and any case
 * without a snapshot yet. For the rest a payment cannot change what the check decides, so waking
 * them would only cost three workflow tasks and two activities each; their next scheduled check reads
 * the ledger, and the rent account page derives the balance from the ledger meanwhile.
 */
export async function casesToWake(db: Database, caseIds: string[], always: string[] = []): Promise<string[]> {
  const wake = new Set(always);
  const rest = caseIds.filter((c) => !wake.has(c));
  for (let i = 0; i < rest.length; i += SLICE) {
    const slice = rest.slice(i, i + SLICE);
    const quiet = await db.select({ caseId: tenancies.caseId }).from(tenancies).where(and(inArray(tenancies.caseId, slice), eq(tenancies.paymentWakes, false)));
    const skip = new Set(quiet.map((r) => r.caseId));
    for (const c of slice) if (!skip.has(c)) wake.add(c);
  }
  return caseIds.filter((c) => wake.has(c));
}

export interface ImportDeps {
  db: Database;
  temporal: Client;
  logger: Logger;
}

/**
 * Imports a payments file all or nothing: a malformed line rejects the whole file with line
 * numbers; otherwise every line is accounted for in one transaction, either posted or listed as
 * unmatched for manual handling. The file's hash makes a second import of the same file a no-op.
 */
export async function importPaymentsFile(deps: ImportDeps, file: { filename: string; content: string }, actor: Actor): Promise<ImportOutcome> {
  const { allowanceCases, ...outcome } = await postPaymentsFile(deps.db, file, actor);
  if (outcome.status !== 'applied') return outcome;
  const wake = await casesToWake(deps.db, outcome.casesTouched, allowanceCases);
  await signalCases(deps, wake, String(outcome.importId));
  return { ...outcome, casesSignalled: wake };
}

/** The database half of an import: parse, match and post in one transaction, or nothing. */
export async function postPaymentsFile(db: Database, file: { filename: string; content: string }, actor: Actor): Promise<ImportOutcome & { allowanceCases?: string[] }> {
  // Format detection: OCR giro, camt.054 or our CSV, all read into the same lines.
  const parsed = parseBankFile(file.content);
  if (parsed.errors.length) return { status: 'rejected', errors: parsed.errors };
  const fileHash = createHash('sha256').update(file.content.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).digest('hex');
  const importOnce = () => db.transaction(async (tx) => {
    // Per municipality: a byte-identical file at another municipality is that municipality's own
    // import, and what this one's import holds (unmatched lines) is not shown to the other.
    const [earlier] = await tx
      .select()
      .from(rentPaymentImports)
      .where(and(eq(rentPaymentImports.municipality, actor.municipality), eq(rentPaymentImports.fileHash, fileHash)));
    if (earlier) {
      return { status: 'already_imported' as const, importId: earlier.id, lines: earlier.lineCount, applied: 0, duplicates: earlier.lineCount - earlier.unmatched.length, unmatched: earlier.unmatched, casesTouched: [], allowanceCases: [] };
    }
    // The unique (municipality, hash) makes a concurrent upload of the same file wait here, then fail and retry as "already imported".
    const [created] = await tx
      .insert(rentPaymentImports)
      .values({ municipality: actor.municipality, fileHash, filename: file.filename, importedBy: actor.id, lineCount: parsed.lines.length, appliedCount: 0, duplicateCount: 0, unmatched: [], casesTouched: [] })
      .returning({ id: rentPaymentImports.id });
    const importId = created!.id;
    const result = await applyLines(tx, parsed.lines, actor, `import:${importId}`);
    await tx
      .update(rentPaymentImports)
      .set({ appliedCount: result.applied, duplicateCount: result.duplicates, unmatched: result.unmatched, casesTouched: result.casesTouched })
      .where(eq(rentPaymentImports.id, importId));
    return { status: 'applied' as const, importId, lines: parsed.lines.length, ...result };
  });
  let outcome: Awaited<ReturnType<typeof importOnce>>;
  try {
    outcome = await importOnce();
  } catch (err) {
    // The same file uploaded twice at once: the loser sees the winner's import on the second try.
    if ((err as { code?: string }).code !== '23505' && (err as { cause?: { code?: string } }).cause?.code !== '23505') throw err;
    outcome = await importOnce();
  }
  return outcome;
}

/** One payment from the finance system's API: idempotent by its transaction ID. */
export async function registerPayment(deps: ImportDeps, line: Omit<PaymentLine, 'line'>, actor: Actor): Promise<{ applied: boolean; caseId?: string; reason?: string }> {
  const result = await deps.db.transaction((tx) => applyLines(tx, [{ ...line, line: 1 }], actor, `api:${actor.id}`));
  await signalCases(deps, await casesToWake(deps.db, result.casesTouched, result.allowanceCases));
  if (result.unmatched.length) return { applied: false, reason: result.unmatched[0]!.reason };
  return { applied: result.applied === 1, ...(result.casesTouched[0] ? { caseId: result.casesTouched[0] } : {}) };
}
