import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { dwellingFitWarnings, type Dwelling } from '../../domain/dwelling';
import { applyAction, rejectReason, type CaseAction } from '../../domain/tenancy/actions';
import { committeeBasis, consentInForce } from '../../domain/tenancy/arrangements';
import { newTenancyState, type MappingInterview } from '../../domain/tenancy/state';
import { application, followUpWorker, officer } from '../helpers/fixtures';

const t0 = osloInstant('2026-11-23', '09:00');
const fresh = () => newTenancyState({ caseId: 'TYN-2026-AAAAAA', application: application({ receivedDate: '2026-11-23' }), now: t0 });
let n = 0;
const act = (payload: CaseAction['payload'], actor = officer): CaseAction => ({ idempotencyKey: `k-${++n}`, actor, payload });
/** Applies when allowed; returns the refusal otherwise. */
function run(state: ReturnType<typeof fresh>, payload: CaseAction['payload'], actor = officer): string {
  const a = act(payload, actor);
  return rejectReason(state, a, t0) ?? applyAction(state, a, t0).message;
}

describe('Consent (seed 002): cooperation and information sharing between the services, recorded with scope and date, withdrawable', () => {
  it('records consent with its scope and date, as a case record and on the timeline; the tenant withdraws it', () => {
    const state = fresh();
    expect(run(state, { type: 'recordConsent', date: '2026-11-23', scope: ['housing_office', 'nav', 'committee'] }, followUpWorker)).toBe(
      'Samtykke til samarbeid og informasjonsutveksling mellom boligkontoret, NAV og boligutvalget er registrert (2026-11-23).',
    );
    expect(state.consent).toMatchObject({ status: 'given', scope: ['housing_office', 'nav', 'committee'], date: '2026-11-23', recordedBy: followUpWorker.id });
    expect(consentInForce(state, '2026-11-24')).toBe(true);
    expect(committeeBasis(state, '2026-11-24')).toBe('Samtykke til samarbeid og informasjonsutveksling (2026-11-23).');
    expect(run(state, { type: 'withdrawConsent', date: '2026-11-23' })).toMatch(/^Leietaker har trukket tilbake samtykket/);
    expect(state.consent).toMatchObject({ status: 'withdrawn', withdrawnDate: '2026-11-23' });
    expect(committeeBasis(state, '2026-11-24')).toBeUndefined();
    expect(state.unsavedRecords!.filter((r) => r.kind === 'consent').map((r) => r.key)).toEqual(['2026-11-23#given', '2026-11-23#withdrawn']);
    expect(state.unsavedEvents.map((e) => e.kind)).toEqual(expect.arrayContaining(['consent_given', 'consent_withdrawn']));
    // Nothing left to withdraw.
    expect(run(state, { type: 'withdrawConsent', date: '2026-11-24' })).toBe('Det er ikke registrert noe samtykke som kan trekkes tilbake.');
  });

  it('refuses consent dated in the future or ending before it was given', () => {
    const state = fresh();
    expect(run(state, { type: 'recordConsent', date: '2026-12-01', scope: ['nav'] })).toBe('Samtykket kan ikke være gitt fram i tid.');
    expect(run(state, { type: 'recordConsent', date: '2026-11-20', scope: ['nav'], validUntil: '2026-11-01' })).toBe('Samtykket kan ikke gjelde til en dato før det ble gitt.');
    expect(state.consent).toBeUndefined();
  });

  it('a legal basis stands in for consent, for the housing office only', () => {
    const state = fresh();
    const basis = { type: 'recordLegalBasis', date: '2026-11-23', basis: 'Vedtak om helse- og omsorgstjenester, jf. hol. § 3-2' } as const;
    expect(run(state, basis, followUpWorker)).toMatch(/rolle/);
    expect(run(state, basis)).toBe('Hjemmel for samarbeid og informasjonsutveksling uten samtykke er registrert (2026-11-23).');
    expect(committeeBasis(state, '2026-11-24')).toBe('Hjemmel: Vedtak om helse- og omsorgstjenester, jf. hol. § 3-2 (registrert 2026-11-23).');
  });
});

describe('Payment arrangement (seed 002): the fullmakt and the tenant’s chosen payment method, recorded on the case', () => {
  it('records the method; NAV paying directly needs a fullmakt to NAV, which the tenant can withdraw', () => {
    const state = fresh();
    expect(run(state, { type: 'recordPaymentArrangement', date: '2026-11-23', method: 'nav_direct' })).toBe('NAV betaler husleien direkte krever fullmakt fra leietaker. Registrer fullmakten.');
    expect(run(state, { type: 'recordPaymentArrangement', date: '2026-11-23', method: 'nav_direct', authorisation: { grantedTo: 'employer', signedDate: '2026-11-23' } })).toMatch(/må gis til NAV/);
    expect(run(state, { type: 'recordPaymentArrangement', date: '2026-11-23', method: 'avtalegiro', authorisation: { grantedTo: 'nav', signedDate: '2026-11-23' } })).toMatch(/trenger ingen fullmakt/);
    expect(state.payment).toBeUndefined();
    expect(run(state, { type: 'recordPaymentArrangement', date: '2026-11-23', method: 'nav_direct', authorisation: { grantedTo: 'nav', signedDate: '2026-11-22', validUntil: '2027-11-22' } }, followUpWorker)).toBe(
      'Betalingsmåte for husleien: NAV betaler husleien direkte (fra 2026-11-23). Fullmakt til NAV signert 2026-11-22.',
    );
    expect(state.payment).toMatchObject({ method: 'nav_direct', authorisation: { grantedTo: 'nav', signedDate: '2026-11-22', validUntil: '2027-11-22' }, recordedBy: followUpWorker.id });
    expect(run(state, { type: 'withdrawPaymentAuthorisation', date: '2026-12-01' })).toMatch(/trukket tilbake fullmakten/);
    expect(state.payment!.authorisation!.withdrawnDate).toBe('2026-12-01');
    expect(run(state, { type: 'withdrawPaymentAuthorisation', date: '2026-12-02' })).toMatch(/ikke registrert noen fullmakt/);
    expect(state.unsavedRecords!.filter((r) => r.kind === 'payment_arrangement')).toHaveLength(2);
    // Paying by AvtaleGiro is the tenant's own: no fullmakt.
    expect(run(state, { type: 'recordPaymentArrangement', date: '2026-12-02', method: 'avtalegiro' })).toBe('Betalingsmåte for husleien: AvtaleGiro (fra 2026-12-02).');
    expect(state.payment!.authorisation).toBeUndefined();
  });
});

describe('The mapping interview’s full question set in the dwelling fit check (seed 002: size, location and economy)', () => {
  const dwelling: Dwelling = { id: 'TYN-0304', address: 'Kirkegata 4', sizeSqm: 41, rooms: 2, floor: 0, accessible: true, coLocated: true, monthlyRentOre: 840_000, location: 'Tynset sentrum', ownership: 'municipal' };
  const interview: MappingInterview = {
    date: '2026-11-20',
    interviewerId: 'kari.nordmann',
    hasPropertyOrCapital: false,
    couldRentPrivatelyWithSupport: false,
    couldBuyWithStartUpLoan: false,
    roomsNeeded: 2,
    childrenInHousehold: 1,
    ableToLiveIndependently: false,
    needsHousingGuidance: true,
    rentPaymentArrangement: true,
    preferredLocations: ['Tylldalen'],
  };
  const fit = (d: Dwelling, i: MappingInterview, fullInterview = true) => dwellingFitWarnings(d, i, 2, 0.35, { fullInterview });

  it('warns of children in a co-located unit and a location the applicant did not ask for', () => {
    expect(fit(dwelling, interview)).toEqual(['Det er ett barn i husstanden, og boligen ligger i et bofellesskap.', 'Boligen ligger i Tynset sentrum; søkeren ønsker Tylldalen.']);
  });

  it('warns of a location to avoid, matches areas whatever their case, and says when the register lacks the location', () => {
    const noKids = { ...interview, childrenInHousehold: 0 };
    expect(fit(dwelling, { ...noKids, preferredLocations: ['tynset SENTRUM'] })).toEqual([]);
    expect(fit(dwelling, { ...noKids, locationsToAvoid: ['Tynset sentrum'] })).toEqual(['Boligen ligger i Tynset sentrum, et område søkeren bør unngå ifølge kartleggingen.']);
    const { location: _l, ...unplaced } = dwelling;
    expect(fit(unplaced, noKids)).toEqual(['Boligregisteret har ikke beliggenhet for boligen, så ønskene om beliggenhet fra kartleggingen kan ikke sjekkes.']);
  });

  it('offers made before the patch (dwelling-fit-full-interview) keep their old warnings', () => {
    expect(fit(dwelling, interview, false)).toEqual([]);
    const state = fresh();
    state.features = { ...state.features, 'dwelling-fit-full-interview': false };
    run(state, { type: 'recordInterview', interview: { ...interview, date: '2026-11-23' } });
    run(state, { type: 'recordDecision', outcome: 'approved', date: '2026-11-23' });
    run(state, { type: 'offerDwelling', dwelling });
    expect(state.offers![0]!.warnings).toEqual([]);
    const patched = fresh();
    run(patched, { type: 'recordInterview', interview: { ...interview, date: '2026-11-23' } });
    run(patched, { type: 'recordDecision', outcome: 'approved', date: '2026-11-23' });
    run(patched, { type: 'offerDwelling', dwelling });
    expect(patched.offers![0]!.warnings).toHaveLength(2);
  });
});
