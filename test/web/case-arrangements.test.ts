import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, WEB_DIST } from '../../scripts/build-web';
import { startApiHarness, TOKENS, type ApiHarness, newCase } from '../helpers/api';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchChromium, tabTo } from '../helpers/chromium';

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

  beforeAll(async () => {
    await ensureWebBuild({ say: () => {} });
    api = await startApiHarness('web arrangements', { webDir: WEB_DIST });
    caseId = await newCase(api, { applicant: { name } });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function openCase(page: Page) {
    await page.goto(`${api.baseUrl}/`);
    const button = page.getByRole('button', { name: 'Fortsett som kari.nordmann' });
    await button.waitFor();
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: /saker/i }).click();
    await page.getByRole('searchbox', { name: 'Søk på navn eller saksnummer' }).fill(name.split(' ').reverse().join(' '));
    await expect.poll(() => page.getByRole('list', { name: 'Saker' }).getByRole('listitem').count()).toBe(1);
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    await page.getByRole('heading', { name: 'Samtykke og betaling' }).waitFor();
  }

  /** A form's fold-out (`<summary>`); its form's heading carries the same words inside the fold. */
  const summaryOf = (section: Locator, text: string) => section.locator('summary').filter({ hasText: new RegExp(`^${text}$`) });

  const arrangements = async () => (await api.request('GET', `/api/tenancies/${caseId}`, { token: TOKENS.officer })).body.arrangements;

  it('a housing officer records consent naming the committee, by keyboard, and the committee may then see the case; then rent paid by NAV with its fullmakt', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    await openCase(page);
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
    await form.getByRole('button', { name: 'Registrer samtykket' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/minst én tjeneste/);
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
});
