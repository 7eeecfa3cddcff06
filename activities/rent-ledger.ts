import type { Database } from '../db/client';
import { rentAccounts, rentLedger } from '../db/schema-rent';
import type { IsoDate } from '../domain/calendar';
import { loadLedger } from '../db/rent-store';
import { summarizeLedger, type LedgerSummary } from '../domain/rent/ledger';
import type { RentAccount, RentCharge } from '../domain/tenancy/rent';

export interface SyncRentLedger {
  workflowId: string;
  account: RentAccount;
  charges: RentCharge[];
  asOf: IsoDate;
  /** Charges settled and paid need not travel back into the workflow's history. */
  settledThrough?: string;
}

export const chargeKey = (caseId: string, period: string) => `charge:${caseId}:${period}`;

export function createRentLedgerActivities({ db }: { db: Database }) {
  return {
    /**
     * Posts the charges that fell due and returns the balance as of `asOf`. Idempotent: the account
     * is an upsert and each charge is keyed by case and period, so a retry posts nothing twice.
     */
    async syncRentLedger({ workflowId, account, charges, asOf, settledThrough }: SyncRentLedger): Promise<LedgerSummary> {
      const entries = await db.transaction(async (tx) => {
        const values = {
          caseId: account.caseId,
          municipality: account.municipality,
          workflowId,
          kid: account.kid,
          monthlyRentOre: account.monthlyRentOre,
          dueDay: account.dueDay,
          allowanceAssigned: account.allowanceAssigned,
          allowanceWithdrawnFrom: account.allowanceWithdrawnFrom ?? null,
          updatedAt: new Date(),
        };
        const { caseId: _c, kid: _k, ...changes } = values;
        await tx.insert(rentAccounts).values(values).onConflictDoUpdate({ target: rentAccounts.caseId, set: changes });
        if (charges.length) {
          await tx
            .insert(rentLedger)
            .values(charges.map((c) => ({ caseId: account.caseId, dedupKey: chargeKey(account.caseId, c.period), kind: 'charge' as const, amountOre: c.amountOre, date: c.dueDate, period: c.period, dueDate: c.dueDate, source: 'workflow' })))
            .onConflictDoNothing({ target: rentLedger.dedupKey });
        }
        return loadLedger(tx as unknown as Database, account.caseId);
      });
      const summary = summarizeLedger(entries, asOf);
      return {
        ...summary,
        charges: summary.charges.filter((c) => c.outstandingOre > 0 || (c.allowanceOre > 0 && (!settledThrough || c.period > settledThrough))),
      };
    },
  };
}
