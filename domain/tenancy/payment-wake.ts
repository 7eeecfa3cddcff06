import { ALLOWANCE_TASK } from '../rent/allowance';
import type { TenancyState } from './state';

/** Why a payment to this case must wake its workflow at once; see paymentCanMoveLadder. */
export type PaymentWakeReason = 'arrears_episode' | 'allowance_awaited' | 'allowance_missing';

/** The part of a case (its state or its stored view) the rule reads. */
export type PaymentWakeInput = Pick<TenancyState, 'status' | 'phase' | 'rent' | 'tasks'>;

/**
 * Whether a payment (money in: it can only lower what is owed) can change what the case's rent check
 * decides, and why. Evaluated on every persisted snapshot (activities/tenancy-records.ts keeps it as
 * `tenancies.payment_wakes`), so a payments file of 10,000 accounts signals only the few cases that
 * react instead of waking every workflow (api/payment-import.ts).
 *
 * Walking applyRentCheck (domain/tenancy/rent.ts) for a case that answers undefined here:
 * - no rent check runs at all outside an active case in follow-up (rentCheckDue), so nothing to wake;
 * - without an arrears episode the check ends at «nothing overdue» (overdue can only have fallen), or,
 *   when a charge has passed its due date since the last check, opens an episode: its own timer (grace
 *   days after the due date) does that with the payment already on the ledger, the same outcome;
 * - a payment plan exists only inside an episode;
 * - housing allowance awaited or reported missing (followAllowance, 'allowance-awaited') is decided
 *   by what arrives: those cases are woken (and a bostøtte line always wakes its case, since it also
 *   makes the monthly settlement, sendSettlements: api/payment-import.ts forces those);
 * - the balance, credit and allowance excess the check would store in the snapshot are not what staff
 *   read: the rent account (GET /api/tenancies/{id}/rent) and the portfolio figures derive them from
 *   the ledger on every read, and the next scheduled check (the next charge's due date at the latest)
 *   writes them into the snapshot.
 */
export function paymentCanMoveLadder(c: PaymentWakeInput): PaymentWakeReason | undefined {
  const rent = c.rent;
  if (!rent || c.status !== 'active' || c.phase !== 'follow_up') return undefined;
  if (rent.episode) return 'arrears_episode';
  if (rent.allowanceAwaited?.length) return 'allowance_awaited';
  if (c.tasks.some((t) => t.id.startsWith(ALLOWANCE_TASK))) return 'allowance_missing';
  return undefined;
}
