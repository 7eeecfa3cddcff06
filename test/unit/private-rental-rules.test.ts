import { describe, expect, it } from 'vitest';
import { checkLandlordNotice, checkLease, claimDecisionProblem, claimOutcome, guaranteeClaimDeadline, securityProblem } from '../../domain/private-rental/rules';
import type { LeaseTerms } from '../../domain/schemas/private-rental';

const lease = (overrides: Partial<LeaseTerms> = {}): LeaseTerms => ({
  standardLease: null,
  startDate: '2027-01-01',
  endDate: '2029-12-31',
  monthlyRentOre: 1_000_000,
  depositOre: 3_000_000,
  depositOnBlockedAccountInTenantsName: true,
  terminationAsTheLaw: true,
  maintenanceReasonable: true,
  moveOutConditionReasonable: true,
  landlordsOwnHome: false,
  ...overrides,
});

describe('the lease check against husleieloven', () => {
  it('accepts three years to the day, and an open-ended lease', () => {
    expect(checkLease(lease())).toEqual({ accepted: true, problems: [], warnings: [] });
    expect(checkLease(lease({ endDate: undefined })).accepted).toBe(true);
  });

  it('refuses a time-limited lease one day short of three years without a reason (§ 9-3)', () => {
    const result = checkLease(lease({ endDate: '2029-12-30' }));
    expect(result.accepted).toBe(false);
    expect(result.problems).toEqual(['Tidsbestemt leieavtale er kortere enn tre år uten at grunnen er oppgitt (husleieloven § 9-3).']);
  });

  it("accepts the landlord's own use for one year or more, never less", () => {
    const reason = { basis: 'landlord_own_use' as const, explanation: 'Utleiers datter flytter inn etter studiene.' };
    expect(checkLease(lease({ endDate: '2027-12-31', shorterTermReason: reason })).accepted).toBe(true);
    expect(checkLease(lease({ endDate: '2027-12-30', shorterTermReason: reason })).problems[0]).toContain('ikke være kortere enn ett år');
  });

  it('refuses § 11-1 as a reason from a private landlord', () => {
    const result = checkLease(lease({ endDate: '2028-06-30', shorterTermReason: { basis: 'section_11_1', explanation: 'Vanskeligstilt leietaker.' } }));
    expect(result.problems[0]).toContain('§ 11-1 gjelder bare boliger som det offentlige leier ut');
  });

  it('refuses a deposit above six months’ rent or off a blocked account in the tenant’s name (§ 3-5)', () => {
    expect(checkLease(lease({ depositOre: 6_000_000 })).accepted).toBe(true);
    expect(checkLease(lease({ depositOre: 6_000_001 })).problems[0]).toContain('høyere enn seks måneders husleie');
    expect(checkLease(lease({ depositOnBlockedAccountInTenantsName: false })).problems).toEqual(['Depositumet skal stå på en sperret konto i leietakers navn (husleieloven § 3-5).']);
    expect(checkLease(lease({ depositOre: 0, depositOnBlockedAccountInTenantsName: false })).accepted).toBe(true);
  });

  it('checks the clauses of any other lease, but trusts those of a standard lease', () => {
    const unfair = { terminationAsTheLaw: false, maintenanceReasonable: false, moveOutConditionReasonable: false };
    expect(checkLease(lease(unfair)).problems).toHaveLength(3);
    expect(checkLease(lease({ ...unfair, standardLease: 'huseiernes_landsforbund' })).accepted).toBe(true);
  });

  it("warns, without refusing, when the dwelling is part of the landlord's own home", () => {
    const result = checkLease(lease({ landlordsOwnHome: true }));
    expect(result.accepted).toBe(true);
    expect(result.warnings[0]).toContain('svakere vern');
  });
});

describe('security: deposit or guarantee', () => {
  it('caps a deposit at six months and wants NAV’s decision for a NAV deposit that covers it', () => {
    expect(securityProblem({ kind: 'deposit', source: 'tenant', amountOre: 6_000_000 }, 1_000_000)).toBeUndefined();
    expect(securityProblem({ kind: 'deposit', source: 'tenant', amountOre: 6_000_001 }, 1_000_000)).toContain('§ 3-5');
    expect(securityProblem({ kind: 'deposit', source: 'nav_grant', amountOre: 2_000_000 }, 1_000_000)).toContain('vedtak');
    expect(securityProblem({ kind: 'deposit', source: 'nav_loan', amountOre: 2_000_000, decision: { amountOre: 1_500_000 } }, 1_000_000)).toContain('dekker ikke hele depositumet');
    expect(securityProblem({ kind: 'guarantee', amountOre: 9_000_000 }, 1_000_000)).toBeUndefined();
  });
});

describe('the guarantee claim', () => {
  const claim = { receivedDate: '2028-02-10', deadline: '2028-03-31', items: [{ kind: 'rent_arrears' as const, amountOre: 1_000_000 }, { kind: 'damage' as const, amountOre: 2_000_000 }] };
  const ctx = { guaranteeAmountOre: 6_000_000, protocolDamagesOre: 1_500_000 };

  it('ends its deadline on a business day', () => {
    // 31 March 2028 + 3 months = 30 June 2028, a Friday; 30 Sept 2028 is a Saturday → Monday 2 October.
    expect(guaranteeClaimDeadline('2028-03-31', 3)).toBe('2028-06-30');
    expect(guaranteeClaimDeadline('2028-06-30', 3)).toBe('2028-10-02');
  });

  it('pays in part, with a reason for what is not paid, no more damage than the protocol shows', () => {
    expect(claimDecisionProblem(claim, [{ approvedOre: 1_000_000 }, { approvedOre: 1_500_000, reason: 'Protokollen' }], ctx)).toBeUndefined();
    expect(claimDecisionProblem(claim, [{ approvedOre: 1_000_000 }, { approvedOre: 1_500_000 }], ctx)).toBe('Post 2: oppgi grunnen når kravet ikke betales fullt ut.');
    expect(claimDecisionProblem(claim, [{ approvedOre: 1_000_000 }, { approvedOre: 2_000_000 }], ctx)).toContain('Utflyttingsprotokollen viser skader for');
    expect(claimDecisionProblem(claim, [{ approvedOre: 1_000_001, reason: 'x' }, { approvedOre: 0, reason: 'x' }], ctx)).toContain('mer enn det som er krevd');
    expect(claimDecisionProblem(claim, [{ approvedOre: 1_000_000 }], ctx)).toContain('én linje for hver');
    expect(claimOutcome(claim, [{ approvedOre: 1_000_000 }, { approvedOre: 1_500_000 }])).toEqual({ outcome: 'partly_paid', paidOre: 2_500_000 });
    expect(claimOutcome(claim, [{ approvedOre: 0 }, { approvedOre: 0 }])).toEqual({ outcome: 'refused', paidOre: 0 });
  });

  it('never pays beyond the guarantee, nor a claim that came after the deadline', () => {
    expect(claimDecisionProblem(claim, [{ approvedOre: 1_000_000 }, { approvedOre: 1_500_000, reason: 'x' }], { ...ctx, guaranteeAmountOre: 2_000_000 })).toContain('Garantien dekker høyst');
    const late = { ...claim, receivedDate: '2028-04-01' };
    expect(claimDecisionProblem(late, [{ approvedOre: 1_000_000 }, { approvedOre: 0, reason: 'x' }], ctx)).toContain('etter fristen 2028-03-31');
    expect(claimDecisionProblem(late, [{ approvedOre: 0, reason: 'For sent' }, { approvedOre: 0, reason: 'For sent' }], ctx)).toBeUndefined();
  });
});

describe("the landlord's notice (§§ 9-5, 9-6, 9-7)", () => {
  const ok = { written: true, reasonGiven: true, statesObjectionRight: true };
  it('gives the objection deadline and the earliest move-out, three months from the end of the month', () => {
    expect(checkLandlordNotice(ok, '2028-01-15', '2028-04-30')).toEqual({ problems: [], objectionDeadline: '2028-02-15', earliestMoveOut: '2028-04-30' });
    expect(checkLandlordNotice(ok, '2028-11-30', '2029-02-27').problems[0]).toContain('tidligste fraflytting er 2029-02-28');
  });
  it('finds a notice void that is not written, not reasoned or silent on the objection right', () => {
    expect(checkLandlordNotice({ written: false, reasonGiven: false, statesObjectionRight: false }, '2028-01-15', '2028-04-30').problems).toHaveLength(3);
  });
});
