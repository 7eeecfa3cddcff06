import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, WEB_DIST } from '../../scripts/build-web';
import { osloDate } from '../../domain/calendar';
import { sampleInterview } from '../../scripts/demo-data';
import { startApiHarness, TOKENS, type ApiHarness, newCase, runSteps } from '../helpers/api';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchChromium, openCaseByName, signInAs, tabTo } from '../helpers/chromium';

/**
 * Issue 12: the consent the committee needs before it may put a case on its agenda, and the rent's
 * payment with its fullmakt, recorded on the case page in Chromium against the real stack, and
 * checked through the API.
 */
describe('consent and payment on the case page', () => {
  let api: ApiHarness;
  let browser: Browser;
  const name = `Sara Samtykke ${randomUUID().slice(0, 6)}`;
  let caseId = '';
  const applicant = `Per Klage ${randomUUID().slice(0, 6)}`;
  let appealCase = '';

  beforeAll(async () => {
    await ensureWebBuild({ say: () => {} });
    api = await startApiHarness('web arrangements', { webDir: WEB_DIST });
    [caseId, appealCase] = await Promise.all([newCase(api, { applicant: { name } }), newCase(api, { applicant: { name: applicant } })]);
    await runSteps(api, appealCase, [{ payload: sampleInterview(osloDate(Date.now()), 2) }]);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function openCase(page: Page, name: string) {
    await signInAs(page, api.baseUrl, 'kari.nordmann');
    await openCaseByName(page, name);
  }


  /** A form's fold-out (`<summary>`); its form's heading carries the same words inside the fold. */
  const summaryOf = (section: Locator, text: string) => section.locator('summary').filter({ hasText: new RegExp(`^${text}$`) });

  const arrangements = async () => (await api.request('GET', `/api/tenancies/${caseId}`, { token: TOKENS.officer })).body.arrangements;

  it('a housing officer records consent naming the committee, by keyboard, and the committee may then see the case; then rent paid by NAV with its fullmakt', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    await openCase(page, name);
    const section = page.getByRole('region', { name: 'Samtykke og betaling' });
    await expect.poll(() => section.textContent()).toMatch(/Boligutvalget.*Kan ikke behandle saken/);
    // No withdrawal is offered while there is nothing to withdraw.
    expect(await summaryOf(section, 'Registrer at samtykket er trukket tilbake').count()).toBe(0);
    await expectNoAxeViolations(page, 'saksside med samtykke');
    await expectNoHorizontalScroll(page, 'saksside 320');

    // The consent form, opened and filled by keyboard: Space on the summary and the checkboxes, Enter to send.
    const summary = summaryOf(section, 'Registrer samtykke');
    await tabTo(page, summary, 120);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Registrer samtykke' });
    await form.waitFor();
    // Nothing ticked: the form says so and sends nothing.
    // The check is in the page and sends nothing, so a click lost while the case page settles (seen once in a
    // loaded CI run: no alert within 30 s) is simply made again; what is checked stays the same.
    const send = form.getByRole('button', { name: 'Registrer samtykket' });
    await send.click();
    await expect
      .poll(async () => {
        if ((await form.getByRole('alert').count()) === 0) await send.click();
        return form.getByRole('alert').textContent();
      })
      .toMatch(/minst én tjeneste/);
    for (const label of ['Boligkontoret', 'Boligutvalget']) {
      await tabTo(page, form.getByRole('checkbox', { name: label }));
      await page.keyboard.press('Space');
    }
    await expectNoAxeViolations(page, 'samtykkeskjema');
    await expectNoHorizontalScroll(page, 'samtykkeskjema 320');
    await tabTo(page, form.getByRole('button', { name: 'Registrer samtykket' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Samtykke til samarbeid og informasjonsutveksling mellom boligkontoret og boligutvalget er registrert \(\d{1,2}\. \p{L}+ \d{4}\)/u);
    await expect.poll(() => section.textContent()).toMatch(/Gjelder boligkontoret og boligutvalget\..*Kan behandle saken\. Samtykke/);

    const held = await arrangements();
    expect(held.consent).toMatchObject({ status: 'given', inForce: true, scope: ['housing_office', 'committee'], recordedBy: 'kari.nordmann' });
    expect(held.committeeBasis).toMatch(/^Samtykke/);

    // Rent paid by NAV needs the tenant's fullmakt to NAV, asked for only when that method is chosen.
    await summaryOf(section, 'Registrer betalingsmåte for husleien').click();
    const payment = page.getByRole('form', { name: 'Registrer betalingsmåte for husleien' });
    expect(await payment.getByLabel('Dato fullmakten ble signert').count()).toBe(0);
    await payment.getByRole('radio', { name: 'NAV betaler husleien direkte' }).check();
    await payment.getByRole('group', { name: 'Fullmakt til NAV' }).waitFor();
    await expectNoAxeViolations(page, 'betalingsskjema');
    await payment.getByRole('button', { name: 'Registrer betalingsmåten' }).click();
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Betalingsmåte for husleien: NAV betaler husleien direkte .*Fullmakt til NAV signert/);
    expect((await arrangements()).payment).toMatchObject({ method: 'nav_direct', authorisation: { grantedTo: 'nav', withdrawnDate: null } });

    // The withdrawals are offered now that there is something in force.
    await expect.poll(() => summaryOf(section, 'Registrer at fullmakten er trukket tilbake').count()).toBe(1);
    await summaryOf(section, 'Registrer at samtykket er trukket tilbake').waitFor();
    await expectNoHorizontalScroll(page, 'saksside etter samtykke 320');
    await expectNoAxeViolations(page, 'saksside etter samtykke');
    await context.close();
  });

  it('a housing officer rejects an application with its reasons, registers the appeal, and the municipality reverses the decision on review', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    await openCase(page, applicant);

    // A rejection without reasons is not sent: forvaltningsloven § 24.
    const decision = page.getByRole('form', { name: 'Fatt vedtak' });
    await decision.getByRole('radio', { name: 'Avslått' }).check();
    await decision.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await expect.poll(() => decision.getByRole('alert').textContent()).toMatch(/Et avslag må begrunnes/);
    await decision.getByLabel('Begrunnelse').fill('Søkeren har egen bolig som dekker behovet.');
    await decision.getByRole('button', { name: 'Registrer vedtaket' }).click();
    const decisions = page.getByRole('region', { name: 'Vedtak og klager' });
    await expect.poll(() => decisions.textContent(), { timeout: 20_000 }).toMatch(/Søknaden om kommunal bolig: avslått \d{1,2}\. \p{L}+ \d{4}\. Klagefrist \d{1,2}\. \p{L}+ \d{4}\./u);
    await expectNoAxeViolations(page, 'saksside med vedtak');
    await expectNoHorizontalScroll(page, 'saksside med vedtak 320');

    // The appeal, by keyboard.
    const registerSummary = decisions.locator('summary').filter({ hasText: /^Registrer klage på vedtaket/ });
    await tabTo(page, registerSummary, 120);
    await page.keyboard.press('Enter');
    const register = page.getByRole('form', { name: 'Registrer klage på vedtaket' });
    await tabTo(page, register.getByRole('button', { name: 'Registrer klagen' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Klage på vedtaket er registrert/);
    await expect.poll(() => decisions.textContent()).toMatch(/Klage mottatt/);

    // The municipality's review: the appeal is upheld here, so the application goes on to allocation.
    await decisions.locator('summary').filter({ hasText: /^Registrer avgjørelse i klagen/ }).click();
    const review = page.getByRole('form', { name: 'Kommunens behandling av klagen' });
    await review.getByRole('radio', { name: 'Klagen tas til følge, og vedtaket endres' }).check();
    await review.getByLabel('Begrunnelse').fill('Boligen er solgt; søkeren har ikke lenger egen bolig.');
    await expectNoAxeViolations(page, 'klagebehandling');
    await review.getByRole('button', { name: 'Registrer avgjørelsen' }).click();
    await expect.poll(() => page.locator('.last-step').textContent()).toMatch(/Kommunen har omgjort vedtaket etter klage/);
    await expect.poll(() => decisions.textContent()).toMatch(/Kommunen endret vedtaket/);
    expect(await decisions.locator('summary').count()).toBe(0);

    const seen = (await api.request('GET', `/api/tenancies/${appealCase}`, { token: TOKENS.officer })).body;
    expect(seen.live.phase).toBe('allocation');
    expect(seen.live.individualDecisions[0]).toMatchObject({ id: 'application', outcome: 'rejected', reasons: 'Søkeren har egen bolig som dekker behovet.', appeal: { review: { outcome: 'reversed', by: 'kari.nordmann' } } });
    await context.close();
  });
});
