import { daysBetween } from '../calendar';
import type { PrivateRentalState } from './state';

type Referral = Pick<PrivateRentalState, 'caseId' | 'status' | 'outcome' | 'referredDate' | 'mapping' | 'moveInDate' | 'security' | 'leaseSignedDate' | 'guaranteeClaim'>;

export interface PrivateRentalStatistics {
  referrals: number;
  active: number;
  closedByOutcome: Record<string, number>;
  /** Households (cases) that moved into a private rental with the municipality's help. */
  householdsHelped: number;
  /** Days from the mapping (or the referral, when no mapping was recorded) to move-in. */
  daysMappingToMoveIn: { count: number; median: number | null; average: number | null };
  guarantees: {
    issued: { count: number; amountOre: number };
    claimed: { count: number; amountOre: number };
    paid: { count: number; amountOre: number };
  };
  deposits: { tenant: number; nav_loan: number; nav_grant: number };
}

/** Figures without personal data, from the read model's snapshots of every referral. */
export function privateRentalStatistics(referrals: readonly Referral[]): PrivateRentalStatistics {
  const closedByOutcome: Record<string, number> = {};
  const helped = new Set<string>();
  const days: number[] = [];
  const guarantees = { issued: { count: 0, amountOre: 0 }, claimed: { count: 0, amountOre: 0 }, paid: { count: 0, amountOre: 0 } };
  const deposits = { tenant: 0, nav_loan: 0, nav_grant: 0 };
  for (const r of referrals) {
    if (r.status === 'closed' && r.outcome) closedByOutcome[r.outcome] = (closedByOutcome[r.outcome] ?? 0) + 1;
    if (r.moveInDate) {
      helped.add(r.caseId);
      days.push(daysBetween(r.mapping?.date ?? r.referredDate, r.moveInDate));
    }
    const s = r.security;
    // A security counts once the lease it secures is signed.
    if (s && r.leaseSignedDate) {
      if (s.kind === 'guarantee') {
        guarantees.issued.count++;
        guarantees.issued.amountOre += s.amountOre;
      } else {
        deposits[s.source]++;
      }
    }
    const claim = r.guaranteeClaim;
    if (claim) {
      guarantees.claimed.count++;
      guarantees.claimed.amountOre += claim.items.reduce((sum, i) => sum + i.amountOre, 0);
      if (claim.decision && claim.decision.paidOre > 0) {
        guarantees.paid.count++;
        guarantees.paid.amountOre += claim.decision.paidOre;
      }
    }
  }
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const average = sorted.length === 0 ? null : Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 10) / 10;
  return {
    referrals: referrals.length,
    active: referrals.filter((r) => r.status === 'active').length,
    closedByOutcome,
    householdsHelped: helped.size,
    daysMappingToMoveIn: { count: days.length, median, average },
    guarantees,
    deposits,
  };
}
