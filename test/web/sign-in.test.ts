import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dwellings } from '../../db/schema';
import { ensureWebBuild, WEB_DIST } from '../../scripts/build-web';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchChromium, screenshot } from '../helpers/chromium';
import { startIdentityHarness, type IdentityHarness } from '../helpers/identity';

/**
 * Signing in to the staff app in Chromium through the embedded OpenID provider: real redirects,
 * cookies and PKCE; one state-changing request carrying the session's CSRF token; RP-initiated
 * logout. The server accepts no development tokens, so "velg bruker" is absent.
 */
describe('staff app sign-in in Chromium', () => {
  let h: IdentityHarness;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild({ say: () => {} });
    h = await startIdentityHarness({ webDir: WEB_DIST, devTokens: false });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('signs in with the municipality login, saves a dwelling with the CSRF token, and logs out at the provider too', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    const writes: Array<{ url: string; csrf?: string }> = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/')) writes.push({ url: r.url(), csrf: r.headers()['x-csrf-token'] });
    });

    // A deep link without a session: the login page, which remembers where the user was going.
    await page.goto(`${h.baseUrl}/boliger`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(page.url()).toBe(`${h.baseUrl}/logg-inn?til=%2Fboliger`);
    // No development tokens on this server: no picker.
    await expect.poll(() => page.getByRole('button', { name: /Fortsett som/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /Velg bruker/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Logg inn');
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page, 'Logg inn 320');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Through the provider and back (authorization code with PKCE; the server checks state and nonce).
    await page.getByRole('link', { name: 'Logg inn' }).click();
    await page.waitForURL((u) => u.href.startsWith(h.dev.issuer) && u.pathname.startsWith('/interaction/'));
    await page.getByLabel(/\(tynset-boligkontoret\)/).check();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boliger' }).waitFor();
    expect(page.url()).toBe(`${h.baseUrl}/boliger`);
    const cookies = await context.cookies(h.baseUrl);
    const session = cookies.find((c) => c.name === 'botrygg-session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The header names the person from the directory, not an ID.
    await expect.poll(() => page.locator('.who').textContent()).toContain('Liv Haugen');
    await expectNoAxeViolations(page, 'Boliger innlogget');

    // One state-changing request: the app sends the session's CSRF token with it.
    const id = `TYN-B-${randomUUID().slice(0, 6)}`;
    const form = page.getByRole('form', { name: 'Legg til en bolig' });
    await form.getByLabel('Bolig-ID').fill(id);
    await form.getByLabel('Adresse').fill('Innloggingsveien 3');
    await form.getByLabel('Størrelse (m²)').fill('48');
    await form.getByLabel('Antall rom').fill('2');
    await form.getByLabel('Etasje').fill('1');
    await form.getByLabel('Husleie i måneden (kr)').fill('7 950');
    await form.getByRole('button', { name: 'Legg til boligen' }).click();
    await page.getByText('Boligen i Innloggingsveien 3 er lagret.').waitFor();
    const [saved] = await h.database.db.select().from(dwellings).where(eq(dwellings.dwellingId, id));
    expect(saved).toMatchObject({ municipality: 'tynset', address: 'Innloggingsveien 3', monthlyRentOre: 795_000, rooms: 2 });
    const put = writes.find((w) => w.url.endsWith('/api/dwellings'));
    expect(put?.csrf).toMatch(/.{16,}/);
    // The same write without the token is refused: the cookie alone is not enough.
    const withoutToken = await page.evaluate(`fetch('/api/dwellings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status)`);
    expect(withoutToken).toBe(403);

    // Signed in, the login page sends one straight on.
    await page.goto(`${h.baseUrl}/logg-inn?til=%2Fboliger`);
    await page.getByRole('heading', { level: 1, name: 'Boliger' }).waitFor();

    // Logg ut: the session ends here and at the provider, and the browser comes back to Botrygg.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(`${h.baseUrl}/auth/logged-out`);
    await page.getByRole('heading', { name: 'Du er logget ut' }).waitFor();
    expect((await context.cookies(h.baseUrl)).find((c) => c.name === 'botrygg-session')).toBeUndefined();
    expect(await page.evaluate(`fetch('/api/me').then((r) => r.status)`)).toBe(401);
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    // The provider's own session is gone: logging in again asks who you are.
    await page.getByRole('link', { name: 'Logg inn' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/interaction/'));
    await screenshot(page, 'innlogging-leverandor');
    await context.close();
  });

  it('shows a user whose groups map to no role a Norwegian page, and no app', { timeout: 60_000 }, async () => {
    h.users.push({ username: 'uten-rolle-web', name: 'Uten Rolle', sub: `sub-${randomUUID()}`, groups: ['gruppe-uten-kobling'] });
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: 'Logg inn' }).click();
    await page.getByLabel(/\(uten-rolle-web\)/).check();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Ingen tilgang til Botrygg' }).waitFor();
    expect((await context.cookies(h.baseUrl)).find((c) => c.name === 'botrygg-session')).toBeUndefined();
    await context.close();
  });
});
