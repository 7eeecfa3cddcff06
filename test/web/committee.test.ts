import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isBusinessDay, osloDate, osloInstant } from '../../domain/calendar';
import { ensureWebBuild, WEB_DIST } from '../../scripts/build-web';
import { startApiHarness, type ApiHarness } from '../helpers/api';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchChromium, screenshot } from '../helpers/chromium';
import { createTimeSkippingEnv } from '../helpers/temporal';

/**
 * The committee's secretary in Chromium: edits the agenda, moves a meeting (the committee's own
 * refusal shown), records the minutes with a decision, and the decision shows on the case. On the
 * time-skipping server, so the meeting days away can begin within the test.
 */
const M = `bu-web-${randomUUID().slice(0, 6)}`;
const USERS = {
  secretary: { token: `web-sekr-${M}`, userId: 'siri.service', roles: ['committee_member'], municipality: M },
  officer: { token: `web-bk-${M}`, userId: 'kari.bu', roles: ['housing_officer'], municipality: M },
  office: { token: `web-kontor-${M}`, userId: 'liv.bu', roles: ['housing_office'], municipality: M },
};
const EXTRA = Object.values(USERS)
  .map((u) => `${u.token}:${u.userId}:${u.roles.join('+')}:${M}`)
  .join(',');
const members = [
  { id: 'tore.teknisk', name: 'Tore Haugen', email: 'tore@example.no', agency: 'Tekniske tjenester', role: 'chair' },
  { id: 'siri.service', name: 'Siri Moen', email: 'siri@example.no', agency: 'Servicetorget', role: 'secretary' },
  { id: 'nils.nav', name: 'Nils Bakke', email: 'nils@example.no', agency: 'NAV', role: 'member' },
];

describe('the committee in Chromium', () => {
  let env: TestWorkflowEnvironment;
  let api: ApiHarness;
  let browser: Browser;
  let caseId = '';
  let firstDate = '';
  const committeeId = `${M}-utvalg`;
  const tenant = `Randi Restanse ${randomUUID().slice(0, 4)}`;

  beforeAll(async () => {
    await ensureWebBuild({ say: () => {} });
    env = await createTimeSkippingEnv();
    api = await startApiHarness('web committee', { timeSkipping: env, webDir: WEB_DIST, extraTokens: EXTRA });
    const filed = await api.request('POST', '/api/tenancies', {
      token: USERS.officer.token,
      body: { municipality: M, applicant: { name: tenant }, currentHousing: 'Hos en venn', housingOfficerId: USERS.officer.userId },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    caseId = filed.body.caseId;
    firstDate = addDays(osloDate(await env.currentTimeMs()), 5);
    while (!isBusinessDay(firstDate)) firstDate = addDays(firstDate, 1);
    const created = await api.request('POST', '/api/committees', {
      token: USERS.office.token,
      body: { id: committeeId, municipality: M, name: 'Boligutvalget i testkommunen', cycle: { firstDate, time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Rådhuset, møterom Savalen' }, members },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await env?.teardown();
  });

  async function pageAs(user: (typeof USERS)[keyof typeof USERS], viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    await context.addInitScript(`sessionStorage.setItem('botrygg.session', ${JSON.stringify(JSON.stringify(user))})`);
    return context.newPage();
  }

  const status = (page: Page) => page.locator('.last-step');

  it('the secretary edits the agenda, moves a meeting, records minutes and a decision, and the decision shows on the case', { timeout: 240_000 }, async () => {
    const page = await pageAs(USERS.secretary);
    // A committee member starts on the committee: one committee, so straight to it.
    await page.goto(`${api.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Boligutvalget i testkommunen' }).waitFor();
    const coming = page.getByRole('list', { name: 'Kommende møter' });
    await coming.getByRole('link').first().waitFor();
    await expectNoAxeViolations(page, 'boligutvalget');
    await screenshot(page, 'boligutvalg-forside');

    // Move the second meeting to a Saturday: refused in the committee's own words; then cancel it.
    const second = addDays(firstDate, 14);
    let saturday = second;
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    const secondCard = coming.getByRole('listitem').nth(1);
    await secondCard.getByText(/Flytt eller avlys møtet/).click();
    const change = secondCard.getByRole('form', { name: /Endre møtet/ });
    await change.getByLabel('Ny dato').fill(saturday);
    await change.getByLabel('Begrunnelse').fill('Møterommet er opptatt');
    await change.getByRole('button', { name: 'Lagre endringen' }).click();
    // (A Saturday may be a public holiday too: then the committee names the holiday.)
    await expect.poll(() => change.getByRole('alert').textContent()).toMatch(/^lørdag \d+\. \p{L}+ \d{4} er (i en helg\. Boligutvalget møtes på hverdager|.+\. Velg en annen dag)\.$/u);
    await expectNoAxeViolations(page, 'avvist flytting');
    await change.getByRole('radio', { name: 'Avlyse møtet' }).check();
    await change.getByRole('button', { name: 'Lagre endringen' }).click();
    // The form was refused with its own key; changed and sent again, it goes through (a fresh key after a refusal).
    await expect.poll(() => status(page).textContent()).toMatch(/er avlyst\./);
    await expect.poll(() => secondCard.textContent()).toContain('Avlyst');

    // The first meeting's agenda: an item about the case, and one added and taken off again.
    await coming.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Møte / }).waitFor();
    const add = page.getByRole('form', { name: 'Sett en sak på sakslisten' });
    await add.getByLabel('Tittel').fill('Husleierestanse');
    await add.getByLabel('Hvorfor saken skal opp').fill('Leietaker skylder to måneders leie og svarer ikke på brev.');
    await add.getByLabel('Saksnummer (valgfritt)').fill(caseId.toLowerCase());
    await add.getByRole('button', { name: 'Sett på sakslisten' }).click();
    // Seed 002: without the tenant's consent naming the committee (or a legal basis) the committee may
    // not see the case; the page shows the committee's reason against the form.
    await expect.poll(() => add.getByRole('alert').textContent()).toMatch(/^Boligutvalget kan ikke se denne saken: leietaker har ikke samtykket/);
    expect(await page.getByRole('list', { name: 'Saker fra sekretæren' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'avvist sak uten samtykke');
    // The housing officer records the tenant's consent (through the API, as the case page would), and the item goes on.
    const consentDate = osloDate(await env.currentTimeMs());
    const consented = await api.request('POST', `/api/tenancies/${caseId}/actions`, {
      token: USERS.officer.token,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { type: 'recordConsent', date: consentDate, scope: ['housing_office', 'nav', 'committee'] },
    });
    expect(consented.status, JSON.stringify(consented.body)).toBe(200);
    await expect
      .poll(async () => (await api.request('GET', `/api/tenancies/${caseId}`, { token: USERS.officer.token })).body.arrangements?.committeeBasis, { timeout: 15_000 })
      .toBe(`Samtykke til samarbeid og informasjonsutveksling (${consentDate}).`);
    await add.getByRole('button', { name: 'Sett på sakslisten' }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/«Husleierestanse» er satt på sakslisten/);
    expect(await add.getByRole('alert').count()).toBe(0);
    await add.getByLabel('Tittel').fill('Nøkkelrutiner');
    await add.getByLabel('Hvorfor saken skal opp').fill('Servicetorget ber om en rutine.');
    await add.getByRole('button', { name: 'Sett på sakslisten' }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/«Nøkkelrutiner» er satt på sakslisten/);
    const agenda = page.getByRole('list', { name: 'Saker fra sekretæren' });
    await expect.poll(() => agenda.getByRole('listitem').count()).toBe(2);
    expect(await agenda.textContent()).toContain('Hvorfor: Leietaker skylder to måneders leie og svarer ikke på brev.');
    await expectNoAxeViolations(page, 'saksliste');
    await page.getByRole('button', { name: 'Ta «Nøkkelrutiner» av sakslisten' }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/«Nøkkelrutiner» er tatt av sakslisten/);
    await expect.poll(() => agenda.getByRole('listitem').count()).toBe(1);

    // Minutes before the meeting: the committee's own reason.
    const minutes = page.getByRole('form', { name: 'Før referat' });
    // The agenda built at the cut-off may hold more items about the case; the decision is on ours.
    const ours = minutes.getByRole('group', { name: /^Beslutning: Husleierestanse/ });
    await ours.getByLabel('Vedtak').fill('Boligkonsulenten kaller inn til trepartsmøte med leietaker og NAV.');
    await ours.getByLabel('Virkning i saken').selectOption('call_three_party_meeting');
    await minutes.getByRole('button', { name: 'Lagre referatet' }).click();
    await expect.poll(() => minutes.getByRole('alert').textContent()).toMatch(/^Referat kan føres fra møtet begynner/);

    // The meeting begins; the secretary takes the minutes: NAV absent, a decision with an effect and a deadline past.
    await env.sleep(osloInstant(firstDate, '10:00') - (await env.currentTimeMs()));
    await page.reload();
    await page.getByRole('form', { name: 'Før referat' }).waitFor();
    await minutes.getByRole('checkbox', { name: /Nils Bakke/ }).uncheck();
    await minutes.getByLabel('Referatet godkjennes av').selectOption('tore.teknisk');
    await ours.getByLabel('Vedtak').fill('Boligkonsulenten kaller inn til trepartsmøte med leietaker og NAV.');
    await ours.getByLabel('Ansvarlig').selectOption('siri.service');
    // A deadline already behind us in real time, so it shows among the decisions past their deadline.
    const yesterday = addDays(osloDate(Date.now()), -1);
    await ours.getByLabel('Frist (valgfritt)').fill(yesterday);
    await ours.getByLabel('Virkning i saken').selectOption('call_three_party_meeting');
    await expectNoAxeViolations(page, 'referatskjema');
    await minutes.getByRole('button', { name: 'Lagre referatet' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Referatet er ført med én beslutning. Én sendes til sakene de gjelder.');
    await expect.poll(() => page.getByRole('form', { name: 'Før referat' }).count()).toBe(0);
    const item = page.locator('.agenda-item').filter({ hasText: 'Husleierestanse' });
    expect(await item.textContent()).toContain('Virkning i saken: Trepartsmøte kalles inn.');
    expect(await page.getByRole('heading', { name: 'Til stede' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Nils Bakke (NAV): ikke til stede');
    await expect
      .poll(async () => (await page.reload(), await item.textContent()), { timeout: 20_000, interval: 1000 })
      .toMatch(/Sendt til saken/);
    await expectNoAxeViolations(page, 'referat');
    await screenshot(page, 'boligutvalg-referat');

    // Printable: the print styles leave only the minutes.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Skriv ut referatet' }).isVisible()).toBe(false);
    expect(await page.getByText('Boligutvalget i testkommunen').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page, 'møte 320');

    // The committee page lists the decision past its deadline.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Tilbake til boligutvalget' }).click();
    await expect.poll(() => page.locator('section[aria-labelledby="over-fristen"]').textContent()).toContain('Boligkonsulenten kaller inn til trepartsmøte');
    await expectNoAxeViolations(page, 'boligutvalget med beslutning over fristen');
    await page.context().close();

    // The decision on the case: the housing officer sees it on the timeline and as the task it opened.
    const officer = await pageAs(USERS.officer);
    await officer.goto(`${api.baseUrl}/saker/${caseId}`);
    await officer.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await expect
      .poll(async () => (await officer.reload(), await officer.locator('.timeline').textContent()), { timeout: 20_000, interval: 1000 })
      .toMatch(/Boligutvalget \(\d+\. \p{L}+ \d{4}\): Boligkonsulenten kaller inn til trepartsmøte med leietaker og NAV\..*Trepartsmøte skal kalles inn\./u);
    expect(await officer.getByRole('list', { name: 'Åpne oppgaver i saken' }).textContent()).toContain('Boligutvalget ba om trepartsmøte');
    await expectNoAxeViolations(officer, 'saken med utvalgets beslutning');
    await officer.context().close();
  });
});
