import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloDate } from '../../domain/calendar';
import { allocated, DEMO_DWELLINGS, movedIn, type Step } from '../../scripts/demo-data';
import { ensureWebBuild, WEB_DIST } from '../../scripts/build-web';
import { startApiHarness, TOKENS, type ApiHarness, newCase, runSteps } from '../helpers/api';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchChromium, openCaseByName, screenshot, signInAs as signInWith, tabTo } from '../helpers/chromium';

/**
 * The staff app in Debian's Chromium against the real stack: the API serving the built app, a real
 * worker on the Temporal dev server, PostgreSQL. axe-core (WCAG 2.1 AA) on every page visited.
 */
describe('staff web app in Chromium', () => {
  let api: ApiHarness;
  let browser: Browser;
  const today = osloDate(Date.now());
  const tag = randomUUID().slice(0, 6);
  const names = { visit: `Vera Besøk ${tag}`, caution: `Tor Varsel ${tag}`, applicant: `Siri Søker ${tag}` };
  const cases = { visit: '', caution: '', applicant: '' };

  const newCaseFor = (name: string) => newCase(api, { applicant: { name } });

  const run = (caseId: string, steps: Step[]) => runSteps(api, caseId, steps);

  beforeAll(async () => {
    await ensureWebBuild({ say: () => {} });
    api = await startApiHarness('web app', { webDir: WEB_DIST });
    for (const dwelling of DEMO_DWELLINGS) await api.request('PUT', '/api/dwellings', { body: { ...dwelling, municipality: 'tynset' } });
    [cases.visit, cases.caution, cases.applicant] = await Promise.all([newCaseFor(names.visit), newCaseFor(names.caution), newCaseFor(names.applicant)]);
    // The visited tenant's agreement has the optional drug-use row, whose «Vurdere …» measure is the follow-up worker's.
    const withDrugUseRow = movedIn(today).map((step) =>
      step.payload.type === 'createAgreement' ? { ...step, payload: { ...step.payload, terms: { ...step.payload.terms, optionalRows: [...step.payload.terms.optionalRows, 'drug_use' as const] } } } : step,
    );
    await Promise.all([run(cases.visit, [...allocated(today, DEMO_DWELLINGS[0]!), ...withDrugUseRow]), run(cases.caution, [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)])]);
    const threat = { situation: 'threats_or_weapons', description: 'Kniv på bordet under besøket', channel: 'staff_app', occurredAt: new Date().toISOString() };
    const filed = await api.request('POST', `/api/tenancies/${cases.caution}/incidents`, { token: TOKENS.followUpWorker, body: threat, headers: { 'Idempotency-Key': `form-${randomUUID()}` } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const drugs = { situation: 'drug_use', description: 'Synlig ruset ved forrige besøk', channel: 'staff_app', occurredAt: new Date().toISOString() };
    const filedDrugs = await api.request('POST', `/api/tenancies/${cases.visit}/incidents`, { token: TOKENS.followUpWorker, body: drugs, headers: { 'Idempotency-Key': `form-${randomUUID()}` } });
    expect(filedDrugs.status, JSON.stringify(filedDrugs.body)).toBe(201);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signInAs = (page: Page, userId: string) => signInWith(page, api.baseUrl, userId, { axe: true });
  const openCase = openCaseByName;

  it('a follow-up worker on a phone records a visit, reports a locked door, does its measure and an assessment, and sees the caution flag first on another case', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    await signInAs(page, 'ola.hansen');
    await expectNoAxeViolations(page, 'Mine oppgaver');
    await screenshot(page, 'oppfolger-mine-oppgaver-390');

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine saker' }).click();
    await page.getByRole('link', { name: names.visit }).waitFor();
    await expectNoAxeViolations(page, 'Mine saker');
    await openCase(page, names.visit);
    await expectNoAxeViolations(page, 'saksside');
    expect(await page.locator('.caution-flag').count()).toBe(0);

    // The visit, by keyboard: the outcome radio, then Tab to the submit button and Enter.
    const visitForm = page.getByRole('form', { name: 'Registrer hjemmebesøk' });
    await visitForm.getByRole('radio', { name: 'Gjennomført' }).check();
    await visitForm.getByLabel('Notat (valgfritt)').fill('Gikk en tur sammen. Alt i orden.');
    await tabTo(page, visitForm.getByRole('button', { name: 'Registrer besøket' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Hjemmebesøk .* registrert: gjennomført/);
    // Keyboard focus lands on the outcome, so the next Tab continues from the form, not the top of the page.
    expect(await page.evaluate('document.activeElement?.className')).toContain('last-step');
    await expect.poll(() => page.locator('.timeline').textContent()).toMatch(/registrert: gjennomført/);
    await expectNoAxeViolations(page, 'saksside etter besøk');

    // A locked door, under the agreement's own row, with its measures shown.
    const incidentForm = page.getByRole('form', { name: 'Meld en hendelse' });
    await incidentForm.getByLabel('Hva har skjedd?').selectOption('locked_door');
    await expect.poll(() => incidentForm.textContent()).toMatch(/Dette sier avtalen at skal gjøres/);
    await incidentForm.getByLabel('Beskriv kort hva som skjedde').fill('Ingen åpnet ved avtalt besøk kl. 10.');
    await incidentForm.getByRole('button', { name: 'Meld hendelsen' }).click();
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Hendelsen er meldt/);
    await expectNoAxeViolations(page, 'saksside etter hendelse');

    // The locked door's measure, done with a note; it appears once the incident's workflow has written it.
    const measure = page.getByRole('form', { name: /Forsøk å oppnå kontakt/ });
    await expect
      .poll(async () => (await measure.count()) > 0 || (await page.reload(), false), { timeout: 20_000, interval: 1000 })
      .toBe(true);
    await measure.getByLabel('Hva ble gjort?').fill('Ringte tre ganger, fikk svar klokken 14.');
    await measure.getByRole('button', { name: 'Marker tiltaket som utført' }).click();
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Tiltaket .* er utført/);

    // An assessment («Vurdere …») from the drug-use report filed earlier: yes/no with a note.
    const assessment = page.getByRole('form', { name: 'Vurder å gi beskjed til boligkontoret' });
    await assessment.getByRole('group', { name: 'Vurdering' }).getByRole('radio', { name: 'Nei' }).check();
    await assessment.getByLabel('Begrunnelse').fill('Leietaker tar imot hjelp fra rustjenesten.');
    await expectNoAxeViolations(page, 'vurdering');
    await assessment.getByRole('button', { name: 'Registrer vurderingen' }).click();
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Vurderingen .* er registrert/);
    await screenshot(page, 'oppfolger-saksside-390');
    const visits = await api.request('GET', `/api/tenancies/${cases.visit}`, { token: TOKENS.followUpWorker });
    expect(visits.body.live.followUp.visits.map((v: { outcome: string }) => v.outcome)).toEqual(['completed', 'completed']);
    expect(visits.body.live.incidents.map((i: { situation: string }) => i.situation)).toContain('locked_door');
    const incidents = await api.request('GET', `/api/tenancies/${cases.visit}/incidents`, { token: TOKENS.followUpWorker });
    const openTitles = incidents.body.incidents.flatMap((i: { openTasks: Array<{ title: string }> }) => i.openTasks.map((t) => t.title));
    expect(openTitles).not.toContain('Forsøk å oppnå kontakt med leietaker utover dagen');
    expect(openTitles).not.toContain('Vurder å gi beskjed til boligkontoret');

    // The other case: the caution flag is the first thing on the page, above the name.
    await openCase(page, names.caution);
    const flag = page.locator('.caution-flag');
    await flag.waitFor();
    expect(await flag.textContent()).toMatch(/trusler eller våpen/);
    const [flagBox, headingBox] = [await flag.boundingBox(), await page.getByRole('heading', { level: 1 }).boundingBox()];
    expect(flagBox!.y).toBeLessThan(headingBox!.y);
    expect(await page.locator('main .stack > *').first().getAttribute('class')).toContain('caution-flag');
    await expectNoAxeViolations(page, 'saksside med varsel');
    await screenshot(page, 'oppfolger-varsel-390');

    // 320 px: every page reflows without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page, 'saksside 320');
    await expectNoAxeViolations(page, 'saksside 320');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine oppgaver' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await expectNoHorizontalScroll(page, 'Mine oppgaver 320');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Arbeidsliste' }).click();
    await page.getByRole('heading', { level: 1, name: /Arbeidsliste/ }).waitFor();
    await expectNoHorizontalScroll(page, 'Arbeidsliste 320');
    await expectNoAxeViolations(page, 'Arbeidsliste 320');
    await screenshot(page, 'oppfolger-arbeidsliste-320');
    await context.close();
  });

  it('a housing officer takes an application from interview to move-in and on to the deposit settlement, the follow-up worker signing the agreement; a stale form shows the case’s own reason', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    await signInAs(page, 'kari.nordmann');
    await page.getByRole('link', { name: 'Kartleggingssamtale' }).first().waitFor({ state: 'attached', timeout: 1000 }).catch(() => undefined);
    await expectNoAxeViolations(page, 'Mine oppgaver (boligkonsulent)');
    await screenshot(page, 'boligkonsulent-mine-oppgaver');
    await openCase(page, names.applicant);
    await expectNoAxeViolations(page, 'søknad');

    const interview = page.getByRole('form', { name: 'Registrer kartleggingssamtale' });
    await interview.getByLabel('Antall rom søkeren trenger').fill('2');
    await interview.getByLabel('Antall barn i husstanden').fill('1');
    for (const [question, answer] of [
      ['Har søkeren egen bolig, eiendom eller kapital?', 'Nei'],
      ['Kan søkeren leie privat med hjelp (for eksempel depositumsgaranti)?', 'Nei'],
      ['Kan søkeren kjøpe bolig med startlån?', 'Nei'],
      ['Kan søkeren bo selvstendig?', 'Ja'],
      ['Trenger søkeren veiledning i å bo?', 'Ja'],
      ['Skal husleien trekkes eller betales gjennom NAV?', 'Ja'],
    ] as const) {
      await interview.getByRole('group', { name: question }).getByRole('radio', { name: answer }).check();
    }
    await interview.getByRole('button', { name: 'Registrer samtalen' }).click();
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Kartleggingssamtale nr\. 1 er registrert/);

    // A second tab keeps the decision form open while the first records the decision.
    const decision = page.getByRole('form', { name: 'Fatt vedtak' });
    await decision.waitFor();
    const stale = await context.newPage();
    await signInAs(stale, 'kari.nordmann');
    await stale.goto(`${api.baseUrl}/saker/${cases.applicant}`);
    const staleDecision = stale.getByRole('form', { name: 'Fatt vedtak' });
    await staleDecision.waitFor();

    await decision.getByRole('radio', { name: 'Innvilget' }).check();
    await decision.getByLabel('Saksreferanse (valgfritt)').fill('VEDTAK-1');
    await expectNoAxeViolations(page, 'vedtaksskjema');
    await decision.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await page.getByRole('form', { name: 'Tilby bolig' }).waitFor();
    expect(await page.getByText('Tildeling', { exact: true }).count()).toBeGreaterThan(0);

    await staleDecision.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await expect.poll(() => staleDecision.getByRole('alert').textContent()).toBe('Vedtak er allerede fattet i denne saken.');
    await expectNoAxeViolations(stale, 'avvist steg');
    await stale.close();

    const offer = page.getByRole('form', { name: 'Tilby bolig' });
    await offer.getByLabel('Bolig fra boligregisteret').selectOption(DEMO_DWELLINGS[2]!.id);
    await expectNoAxeViolations(page, 'tilbud');
    await offer.getByRole('button', { name: 'Send tilbudet' }).click();
    const answer = page.getByRole('form', { name: 'Registrer svar på tilbudet' });
    await answer.waitFor();
    expect(await answer.textContent()).toContain(DEMO_DWELLINGS[2]!.address);
    await answer.getByRole('radio', { name: 'Takker ja' }).check();
    await answer.getByRole('button', { name: 'Registrer svaret' }).click();
    await page.getByText('Leiekontrakt og innflytting', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'sak i leiekontraktfasen');
    await screenshot(page, 'boligkonsulent-leiekontraktfasen');

    /** Submits a form and waits until the case no longer offers it (the step is done). */
    const submit = async (formName: string, button: string) => {
      const form = page.getByRole('form', { name: formName });
      await form.getByRole('button', { name: button }).click();
      await expect.poll(() => form.count(), { timeout: 15_000 }).toBe(0);
    };
    await page.getByRole('form', { name: 'Signer leiekontrakt' }).getByLabel('Depositum (valgfritt)').fill('25 200');
    await submit('Signer leiekontrakt', 'Registrer leiekontrakten');
    await submit('Gå gjennom husordensreglene', 'Registrer gjennomgangen');
    const checklist = page.getByRole('form', { name: 'Sjekkliste for boligen' });
    for (const box of await checklist.getByRole('checkbox').all()) await box.check();
    await expectNoAxeViolations(page, 'sjekkliste');
    await submit('Sjekkliste for boligen', 'Bekreft punktene');
    await submit('Signer sjekklisten', 'Registrer signaturen');
    await page.getByRole('form', { name: 'Bostøtte' }).getByLabel(/Transporterklæring er signert/).check();
    await submit('Bostøtte', 'Registrer bostøtte');
    const agreement = page.getByRole('form', { name: 'Lag oppfølgingsavtale' });
    await agreement.getByLabel('Oppfølger (brukernavn)').fill('ola.hansen');
    await agreement.getByRole('checkbox').first().check();
    await expectNoAxeViolations(page, 'oppfølgingsavtale');
    await submit('Lag oppfølgingsavtale', 'Lag avtalen');
    const sign = page.getByRole('form', { name: /Signer oppfølgingsavtalen/ });
    await sign.getByRole('radio', { name: 'Leietaker' }).check();
    await sign.getByRole('button', { name: 'Registrer signaturen' }).click();
    await expect.poll(() => sign.textContent()).toMatch(/Signert: Leietaker/);
    await submit('Signer oppfølgingsavtalen (versjon 1)', 'Registrer signaturen');

    // The follow-up worker signs for the follow-up service on their own phone.
    const worker = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await signInAs(worker, 'ola.hansen');
    await openCase(worker, names.applicant);
    const workerSign = worker.getByRole('form', { name: /Signer oppfølgingsavtalen/ });
    expect(await workerSign.getByRole('radio').count()).toBe(1);
    await workerSign.getByRole('button', { name: 'Registrer signaturen' }).click();
    await expect.poll(() => workerSign.count(), { timeout: 15_000 }).toBe(0);
    await expectNoAxeViolations(worker, 'oppfølger signerer');
    await worker.context().close();

    await page.reload();
    await submit('Registrer innflytting', 'Registrer innflyttingen');
    await page.getByText('Oppfølging i leieforholdet', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'sak etter innflytting');
    await screenshot(page, 'boligkonsulent-saksside');

    // The tenant gives notice; the move-out inspection finds damage; the deposit settlement closes the case.
    const notice = page.getByRole('form', { name: 'Oppsigelse' });
    await notice.getByRole('radio', { name: 'Leietaker' }).check();
    await notice.getByLabel('Grunn').fill('Flytter nærmere familien.');
    await expectNoAxeViolations(page, 'oppsigelse');
    await submit('Oppsigelse', 'Registrer oppsigelsen');
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Leietaker har sagt opp leieforholdet med fraflytting \d+\. \p{L}+ \d{4}/u);
    await page.getByRole('form', { name: 'Utflyttingsbefaring' }).getByLabel('Skader anslått til').fill('1 500');
    await submit('Utflyttingsbefaring', 'Registrer befaringen');
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/^Utflyttingsbefaring gjennomført; skader anslått til 1\s500/);
    const settle = page.getByRole('form', { name: 'Oppgjør av depositum' });
    expect(await settle.textContent()).toContain('Depositum 25\u00a0200\u00a0kr; skader anslått til 1\u00a0500\u00a0kr');
    expect(await settle.getByLabel('Tilbakebetalt depositum').inputValue()).toBe('23700');
    await expectNoAxeViolations(page, 'oppgjør');
    await submit('Oppgjør av depositum', 'Registrer oppgjøret og avslutt saken');
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Saken er avsluttet/);
    expect(await page.getByRole('heading', { name: 'Det du kan gjøre nå' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'avsluttet sak');

    const state = await api.request('GET', `/api/tenancies/${cases.applicant}`);
    expect(state.body.case).toMatchObject({ phase: 'closed', status: 'closed', closedReason: 'moved_out_tenant_notice' });
    expect(state.body.live.ending).toMatchObject({ givenBy: 'tenant', inspection: { damagesOre: 150_000 }, settlement: { depositReturnedOre: 2_370_000, damagesChargedOre: 150_000 } });
    expect(state.body.live.checklist.signedDate).toBe(today);
    expect(state.body.live.leases[0]).toMatchObject({ depositOre: 2_520_000 });
    expect(state.body.live.agreements.at(-1)).toMatchObject({ status: 'active', followUpWorkerId: 'ola.hansen' });
    expect(state.body.live.decision).toMatchObject({ outcome: 'approved', reference: 'VEDTAK-1' });
    expect(state.body.live.offers).toEqual([expect.objectContaining({ answer: 'accepted', dwelling: expect.objectContaining({ id: DEMO_DWELLINGS[2]!.id }) })]);
    await context.close();
  });
});
