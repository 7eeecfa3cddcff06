import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloDate } from '../../domain/calendar';
import { sampleInterview } from '../../scripts/demo-data';
import { startApiHarness, TOKENS, type ApiHarness, newCase } from '../helpers/api';

/**
 * Seed 002's data on the case, through HTTP against the real API, worker and PostgreSQL: the mapping
 * interview's full question set (used in the fit check, shown on the case), consent with scope and
 * date (withdrawable) or a legal basis, the payment method with its fullmakt, and the register's
 * location and ownership form of a dwelling.
 */
describe('API: consent, payment arrangement, the full mapping interview and the dwelling register (seed 002)', () => {
  let api: ApiHarness;
  const today = osloDate(Date.now());
  beforeAll(async () => {
    api = await startApiHarness('api case arrangements');
  });
  afterAll(async () => {
    await api?.close();
  });

  const act = (caseId: string, body: Record<string, unknown>, token: string = TOKENS.officer) =>
    api.request('POST', `/api/tenancies/${caseId}/actions`, { token, body, headers: { 'Idempotency-Key': randomUUID() } });
  const arrangements = async (caseId: string) => (await api.request('GET', `/api/tenancies/${caseId}`)).body.arrangements;

  it("A dwelling's location and ownership form (municipal, co-op, section) are kept in the register", async () => {
    const id = `TYN-LOC-${randomUUID().slice(0, 4)}`;
    const dwelling = { id, address: 'Sentrumsvegen 8', sizeSqm: 48, rooms: 2, floor: 1, accessible: false, coLocated: false, monthlyRentOre: 890_000, municipality: 'tynset' };
    expect((await api.request('PUT', '/api/dwellings', { body: { ...dwelling, location: 'Tynset sentrum', ownership: 'housing_cooperative' } })).status).toBe(200);
    const listed = async () => (await api.request('GET', '/api/dwellings')).body.dwellings.find((d: { id: string }) => d.id === id);
    expect(await listed()).toMatchObject({ location: 'Tynset sentrum', ownership: 'housing_cooperative' });
    // A PUT replaces the entry: what it leaves out is cleared, not kept.
    expect((await api.request('PUT', '/api/dwellings', { body: { ...dwelling, ownership: 'section' } })).status).toBe(200);
    const updated = await listed();
    expect(updated.ownership).toBe('section');
    expect(updated).not.toHaveProperty('location');
    const bad = await api.request('PUT', '/api/dwellings', { body: { ...dwelling, ownership: 'private' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^«Eierform» har en verdi som ikke er tillatt/);
    const openapi = (await api.request('GET', '/api/openapi.json', { token: null })).body;
    expect(JSON.stringify(openapi.paths['/api/dwellings'].put)).toContain('housing_cooperative');
  });

  it('records consent with scope and date and its withdrawal, the payment method with its fullmakt, and shows them and the full interview on the case', async () => {
    const caseId = await newCase(api);
    expect(await arrangements(caseId)).toMatchObject({ interview: null, consent: null, legalBasis: null, committeeBasis: null, payment: null });

    // The interview with the rest of seed 002's questions: allowance or grants, debt, where to live.
    const { interview } = sampleInterview(today, 2);
    const full = { ...interview, couldGetHousingAllowanceOrGrant: true, hasDebtOrPaymentRemarks: true, preferredLocations: ['Tylldalen'], locationsToAvoid: ['Tynset sentrum'] };
    expect((await act(caseId, { type: 'recordInterview', interview: full })).status).toBe(200);
    expect((await act(caseId, { type: 'recordInterview', interview: { ...full, favouriteColour: 'blå' } })).status).toBe(400);

    // Consent: scope and date; a scope naming no service is refused at the edge.
    expect((await act(caseId, { type: 'recordConsent', date: today, scope: ['nav', 'boligbyggelaget'] })).status).toBe(400);
    const consent = await act(caseId, { type: 'recordConsent', date: today, scope: ['housing_office', 'follow_up_service', 'nav', 'committee'] }, TOKENS.followUpWorker);
    // The follow-up worker is not yet assigned to this case: need-to-know holds for consent too.
    expect(consent.status).toBe(403);
    expect((await act(caseId, { type: 'recordConsent', date: today, scope: ['housing_office', 'follow_up_service', 'nav', 'committee'] })).status).toBe(200);

    // Payment: NAV paying directly needs the tenant's fullmakt to NAV.
    const refused = await act(caseId, { type: 'recordPaymentArrangement', date: today, method: 'nav_direct' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('NAV betaler husleien direkte krever fullmakt fra leietaker. Registrer fullmakten.');
    expect((await act(caseId, { type: 'recordPaymentArrangement', date: today, method: 'nav_direct', authorisation: { grantedTo: 'nav', signedDate: today } })).status).toBe(200);

    await expect.poll(async () => (await arrangements(caseId))?.payment?.method, { timeout: 10_000 }).toBe('nav_direct');
    const shown = await arrangements(caseId);
    expect(shown.interview).toMatchObject({
      date: today,
      count: 1,
      hasPropertyOrCapital: false,
      couldBuyWithStartUpLoan: false,
      couldGetHousingAllowanceOrGrant: true,
      hasDebtOrPaymentRemarks: true,
      roomsNeeded: 2,
      childrenInHousehold: 1,
      needsHousingGuidance: true,
      rentPaymentArrangement: true,
      preferredLocations: ['Tylldalen'],
      locationsToAvoid: ['Tynset sentrum'],
    });
    expect(shown.consent).toMatchObject({ status: 'given', inForce: true, scope: ['housing_office', 'follow_up_service', 'nav', 'committee'], date: today, withdrawnDate: null });
    expect(shown.committeeBasis).toBe(`Samtykke til samarbeid og informasjonsutveksling (${today}).`);
    expect(shown.payment).toMatchObject({ method: 'nav_direct', authorisation: { grantedTo: 'nav', signedDate: today, withdrawnDate: null } });

    // The fit check uses the interview: the offered dwelling lies where the applicant should not live.
    const dwellingId = `TYN-FIT-${randomUUID().slice(0, 4)}`;
    const dwelling = { id: dwellingId, address: 'Torget 2', sizeSqm: 50, rooms: 2, floor: 1, accessible: true, coLocated: false, monthlyRentOre: 800_000, municipality: 'tynset', location: 'Tynset sentrum', ownership: 'municipal' };
    expect((await api.request('PUT', '/api/dwellings', { body: dwelling })).status).toBe(200);
    expect((await act(caseId, { type: 'recordDecision', outcome: 'approved', date: today })).status).toBe(200);
    const offered = await act(caseId, { type: 'offerDwelling', dwellingId });
    expect(offered.status).toBe(200);
    expect(offered.body.message).toContain('Boligen ligger i Tynset sentrum, et område søkeren bør unngå ifølge kartleggingen.');

    // The tenant withdraws consent and the fullmakt: the committee no longer sees the case.
    expect((await act(caseId, { type: 'withdrawConsent', date: today })).status).toBe(200);
    expect((await act(caseId, { type: 'withdrawPaymentAuthorisation', date: today })).status).toBe(200);
    await expect.poll(async () => (await arrangements(caseId))?.consent?.status, { timeout: 10_000 }).toBe('withdrawn');
    const after = await arrangements(caseId);
    expect(after).toMatchObject({ committeeBasis: null, consent: { inForce: false, withdrawnDate: today }, payment: { authorisation: { withdrawnDate: today } } });
    const timeline = (await api.request('GET', `/api/tenancies/${caseId}`)).body.timeline.map((t: { kind: string }) => t.kind);
    expect(timeline).toEqual(expect.arrayContaining(['consent_given', 'payment_arrangement_recorded', 'consent_withdrawn', 'payment_authorisation_withdrawn']));
  });
});
