import { addDays, addMonths, addYears, compareDates, deadline, endOfMonth, type IsoDate } from '../calendar';
import { formatKroner } from '../dwelling';
import type { LeaseTerms } from '../schemas/private-rental';
import type { GuaranteeClaim } from './state';

/**
 * The municipality's checks of a private lease and of what follows from it, against husleieloven.
 * Pure functions: the workflow's rules and the unit tests call them alike.
 */

/** § 3-5: a deposit may be at most six months' rent. */
export const MAX_DEPOSIT_MONTHS = 6;

export interface LeaseCheckResult {
  accepted: boolean;
  /** Each a reason the municipality cannot accept the lease as it stands. */
  problems: string[];
  /** Accepted, but the tenant must be told (e.g. the landlord's own home: weaker rights). */
  warnings: string[];
}

/**
 * Checks a lease before it is signed. A standard lease (Leieboerforeningen, Forbrukerrådet,
 * Huseiernes Landsforbund) secures the tenant's rights in its clauses; its filled-in terms (duration,
 * deposit) are still checked. Any other lease is checked clause by clause.
 */
export function checkLease(lease: LeaseTerms): LeaseCheckResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (lease.endDate) {
    const threeYears = addDays(addYears(lease.startDate, 3), -1);
    if (compareDates(lease.endDate, lease.startDate) < 0) {
      problems.push('Leieforholdet slutter før det begynner.');
    } else if (compareDates(lease.endDate, threeYears) < 0) {
      const reason = lease.shorterTermReason;
      if (!reason) {
        problems.push('Tidsbestemt leieavtale er kortere enn tre år uten at grunnen er oppgitt (husleieloven § 9-3).');
      } else if (reason.basis === 'landlord_own_use' && compareDates(lease.endDate, addDays(addYears(lease.startDate, 1), -1)) < 0) {
        // § 9-3 (2): the landlord's own (or family's) use allows a shorter term, but never under one year.
        problems.push('Når utleier skal bruke boligen selv, kan leietiden ikke være kortere enn ett år (husleieloven § 9-3 annet ledd).');
      } else if (reason.basis === 'section_11_1') {
        // § 11-1 is for dwellings the public sector lets to the disadvantaged; a private landlord cannot use it.
        problems.push('Unntaket i husleieloven § 11-1 gjelder bare boliger som det offentlige leier ut. En privat utleier må ha en grunn etter § 9-3.');
      }
    }
  }
  const maxDeposit = lease.monthlyRentOre * MAX_DEPOSIT_MONTHS;
  if (lease.depositOre > maxDeposit) {
    problems.push(`Depositumet (${formatKroner(lease.depositOre)}) er høyere enn seks måneders husleie (${formatKroner(maxDeposit)}) (husleieloven § 3-5).`);
  }
  if (lease.depositOre > 0 && !lease.depositOnBlockedAccountInTenantsName) {
    problems.push('Depositumet skal stå på en sperret konto i leietakers navn (husleieloven § 3-5).');
  }
  if (!lease.standardLease) {
    if (!lease.terminationAsTheLaw) problems.push('Oppsigelsesreglene i avtalen gir leietaker dårligere vern enn husleieloven (§§ 9-5 og 9-7).');
    if (!lease.maintenanceReasonable) problems.push('Vedlikeholdsplikten som legges på leietaker er urimelig (husleieloven kapittel 5).');
    if (!lease.moveOutConditionReasonable) problems.push('Kravene til boligens stand ved fraflytting er urimelige (husleieloven § 10-2).');
  }
  if (lease.landlordsOwnHome) warnings.push('Boligen er en del av utleiers egen bolig: leietaker har svakere vern mot oppsigelse. Fortell leietaker dette.');
  return { accepted: problems.length === 0, problems, warnings };
}

export interface SecurityInput {
  kind: 'deposit' | 'guarantee';
  amountOre: number;
  source?: 'tenant' | 'nav_loan' | 'nav_grant';
  decision?: { amountOre: number };
}

/** Whether the security can be recorded for a lease with this rent; a plain Norwegian reason when not. */
export function securityProblem(security: SecurityInput, monthlyRentOre: number): string | undefined {
  if (security.kind === 'deposit') {
    if (security.amountOre > monthlyRentOre * MAX_DEPOSIT_MONTHS) {
      return `Depositumet kan være høyst seks måneders husleie (${formatKroner(monthlyRentOre * MAX_DEPOSIT_MONTHS)}) (husleieloven § 3-5).`;
    }
    if (security.source !== 'tenant' && !security.decision) return 'Et depositum NAV låner ut eller gir trenger NAVs vedtak med beløp.';
    if (security.decision && security.decision.amountOre < security.amountOre) {
      return `NAVs vedtak (${formatKroner(security.decision.amountOre)}) dekker ikke hele depositumet (${formatKroner(security.amountOre)}).`;
    }
  }
  return undefined;
}

/** The last day the landlord may claim on a guarantee: `months` after the tenancy ended, on a business day. */
export function guaranteeClaimDeadline(tenancyEnded: IsoDate, months: number): IsoDate {
  return deadline(tenancyEnded, { months });
}

export type ClaimDecisionItem = { approvedOre: number; reason?: string };

/**
 * Whether a decision on a guarantee claim may be recorded. A claim that arrived after the deadline
 * is refused in full; no item is paid beyond what was claimed; anything not paid in full has a
 * reason; a damage is paid only when the move-out protocol recorded damage; the guarantee's amount
 * is the most that is ever paid.
 */
export function claimDecisionProblem(
  claim: Pick<GuaranteeClaim, 'items' | 'receivedDate' | 'deadline'>,
  decision: ClaimDecisionItem[],
  ctx: { guaranteeAmountOre: number; protocolDamagesOre: number },
): string | undefined {
  if (decision.length !== claim.items.length) return `Kravet har ${claim.items.length} poster; avgjørelsen må ha én linje for hver.`;
  const late = compareDates(claim.receivedDate, claim.deadline) > 0;
  for (const [i, item] of claim.items.entries()) {
    const d = decision[i]!;
    if (d.approvedOre > item.amountOre) return `Post ${i + 1}: kan ikke betale mer enn det som er krevd (${formatKroner(item.amountOre)}).`;
    if (d.approvedOre < item.amountOre && !d.reason) return `Post ${i + 1}: oppgi grunnen når kravet ikke betales fullt ut.`;
    if (late && d.approvedOre > 0) return `Kravet kom ${claim.receivedDate}, etter fristen ${claim.deadline}. Det kan ikke betales.`;
  }
  const damageApproved = claim.items.reduce((sum, item, i) => sum + (item.kind === 'damage' ? decision[i]!.approvedOre : 0), 0);
  if (damageApproved > ctx.protocolDamagesOre) {
    return `Utflyttingsprotokollen viser skader for ${formatKroner(ctx.protocolDamagesOre)}; det kan ikke betales mer for skader enn det (${formatKroner(damageApproved)}).`;
  }
  const total = decision.reduce((s, d) => s + d.approvedOre, 0);
  if (total > ctx.guaranteeAmountOre) return `Garantien dekker høyst ${formatKroner(ctx.guaranteeAmountOre)}; avgjørelsen gir ${formatKroner(total)}.`;
  return undefined;
}

export function claimOutcome(claim: Pick<GuaranteeClaim, 'items'>, decision: ClaimDecisionItem[]): { outcome: 'paid' | 'partly_paid' | 'refused'; paidOre: number } {
  const paidOre = decision.reduce((s, d) => s + d.approvedOre, 0);
  const claimedOre = claim.items.reduce((s, i) => s + i.amountOre, 0);
  return { outcome: paidOre === 0 ? 'refused' : paidOre >= claimedOre ? 'paid' : 'partly_paid', paidOre };
}

export interface NoticeCheck {
  /** Reasons the notice is not valid as given; a landlord's notice without them is void (§ 9-7). */
  problems: string[];
  /** The tenant may object in writing until this day (§ 9-7). */
  objectionDeadline?: IsoDate;
  /** The earliest move-out the notice period allows (§ 9-6: three months from the end of the month). */
  earliestMoveOut?: IsoDate;
}

/**
 * A landlord's notice: saklig grunn (§ 9-5), written, reasoned, and telling the tenant of the right
 * to object in writing within one month (§ 9-7); the ordinary notice period is three months, counted
 * from the end of the month the notice was given (§ 9-6).
 */
export function checkLandlordNotice(notice: { written: boolean; reasonGiven: boolean; statesObjectionRight: boolean }, noticeDate: IsoDate, moveOutDate: IsoDate): NoticeCheck {
  const problems: string[] = [];
  if (!notice.written) problems.push('Oppsigelsen fra utleier må være skriftlig (husleieloven § 9-7).');
  if (!notice.reasonGiven) problems.push('Oppsigelsen må begrunnes, og utleier må ha saklig grunn (husleieloven §§ 9-5 og 9-7).');
  if (!notice.statesObjectionRight) problems.push('Oppsigelsen må si at leietaker kan protestere skriftlig innen én måned (husleieloven § 9-7).');
  const earliestMoveOut = endOfMonth(addMonths(endOfMonth(noticeDate), 3));
  if (compareDates(moveOutDate, earliestMoveOut) < 0) problems.push(`Oppsigelsestiden er tre måneder regnet fra utgangen av måneden; tidligste fraflytting er ${earliestMoveOut} (husleieloven § 9-6).`);
  return { problems, objectionDeadline: addMonths(noticeDate, 1), earliestMoveOut };
}
