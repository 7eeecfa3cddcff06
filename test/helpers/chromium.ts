import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`, see .ci/run); never a downloaded browser build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** WCAG 2.1 A and AA rules of axe-core on the page as it is now: zero violations. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  expect(summary, `axe on ${where}`).toEqual([]);
}

/** Nothing wider than the viewport: no sideways scrolling at 320 px (WCAG 1.4.10 reflow). */
export async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  // Evaluated in the page (the root tsconfig has no DOM types, hence the string).
  const { scroll, client } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
  expect(scroll, `horizontal scroll on ${where}`).toBeLessThanOrEqual(client);
}

/** Moves focus with Tab only until `target` has it (proves it is reachable by keyboard), at most `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el: unknown) => (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el, handle)) return;
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

/** Screenshots of the main pages, only when SCREENSHOT_DIR names a folder (outside the repository). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Chooses the development user in "Velg bruker" by keyboard alone (Tab to the button, Enter), landing on "Mine oppgaver". */
export async function signInAs(page: Page, baseUrl: string, userId: string, opts: { axe?: boolean } = {}): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect.poll(() => page.url()).toMatch(/\/logg-inn$/);
  const button = page.getByRole('button', { name: `Fortsett som ${userId}` });
  await button.waitFor();
  if (opts.axe) await expectNoAxeViolations(page, 'Velg bruker');
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
}

/** Finds a case by the applicant's name under "Saker" and opens its page. */
export async function openCaseByName(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: /saker/i }).click();
  await page.getByRole('searchbox', { name: 'Søk på navn eller saksnummer' }).fill(name.split(' ').reverse().join(' '));
  await expect.poll(() => page.getByRole('list', { name: 'Saker' }).getByRole('listitem').count()).toBe(1);
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
  await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
}
