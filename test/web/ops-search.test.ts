import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseTasks, formSubmissions } from '../../db/schema';
import { notificationOutbox } from '../../db/schema-notifications';
import { rentAccounts } from '../../db/schema-rent';
import { osloDate } from '../../domain/calendar';
import { kidForCase } from '../../domain/rent/kid';
import { PHASE_LABELS } from '../../domain/tenancy/state';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { ensureWebBuild, WEB_DIST } from '../../scripts/build-web';
import { runSteps, startApiHarness, type ApiHarness } from '../helpers/api';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchChromium, screenshot, tabTo } from '../helpers/chromium';

/**
 * The ops overview and the search page in Chromium, in a municipality of this test's own so the
 * counts are this test's alone: the page shows what the API says, and search finds a case by its
 * KID and by its address.
 */
const M = `drift-${randomUUID().slice(0, 6)}`;
const USERS = {
  officer: { token: `web-bk-${M}`, userId: 'kari.drift', roles: ['housing_officer'], municipality: M },
  office: { token: `web-kontor-${M}`, userId: 'liv.drift', roles: ['housing_office'], municipality: M },
};
const WORKER_TOKEN = `web-oppf-${M}`;
// The demo steps' agreement names ola.hansen as follow-up worker, who signs it here too.
const EXTRA = [...Object.values(USERS).map((u) => `${u.token}:${u.userId}:${u.roles.join('+')}:${M}`), `${WORKER_TOKEN}:ola.hansen:follow_up_worker:${M}`].join(',');
const TEMPORAL_UI = 'http://temporal-ui.test:8233';

describe('ops overview and search in Chromium', () => {
  let api: ApiHarness;
  let browser: Browser;
  const today = osloDate(Date.now());
  const tag = randomUUID().slice(0, 6);
  const names = { tenant: `Gunn Leietaker ${tag}`, applicant: `Pål Søker ${tag}` };
  const address = `Driftsvegen ${tag} 2`;
  const cases = { tenant: '', applicant: '' };

  beforeAll(async () => {
    await ensureWebBuild({ say: () => {} });
    api = await startApiHarness('web ops search', { webDir: WEB_DIST, extraTokens: EXTRA, temporalUiUrl: TEMPORAL_UI });
    const dwelling = { ...DEMO_DWELLINGS[0]!, address };
    expect((await api.request('PUT', '/api/dwellings', { token: USERS.officer.token, body: { ...dwelling, municipality: M } })).status).toBeLessThan(300);
    const file = async (name: string) => {
      const res = await api.request('POST', '/api/tenancies', {
        token: USERS.officer.token,
        body: { municipality: M, applicant: { name }, currentHousing: 'Hos en venn', housingOfficerId: USERS.officer.userId },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.caseId as string;
    };
    [cases.tenant, cases.applicant] = await Promise.all([file(names.tenant), file(names.applicant)]);
    await runSteps(api, cases.tenant, [...allocated(today, dwelling), ...movedIn(today)], { officer: USERS.officer.token, followUpWorker: WORKER_TOKEN });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** Signed in as one of this test's users (the picker lists only the development tokens). */
  async function pageAs(user: (typeof USERS)[keyof typeof USERS], viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    await context.addInitScript(`sessionStorage.setItem('botrygg.session', ${JSON.stringify(JSON.stringify(user))})`);
    return context.newPage();
  }

  /** The numbers of one of the page's tables, by the table's caption. */
  async function tableCounts(page: Page, caption: string): Promise<Record<string, number>> {
    const rows = await page.getByRole('table', { name: caption }).locator('tbody tr').all();
    const out: Record<string, number> = {};
    for (const row of rows) {
      const [label, value] = await row.locator('td').allTextContents();
      out[label!.replace(' (åpnes i Temporal i ny fane)', '').trim()] = Number(value);
    }
    return out;
  }

  it('the ops overview shows the same counts as the API, as charts with tables, and links to Temporal', { timeout: 120_000 }, async () => {
    // The rent account is written at move-in; the overview counts it.
    await expect.poll(async () => (await api.database.db.select().from(rentAccounts).where(eq(rentAccounts.caseId, cases.tenant))).length, { timeout: 15_000 }).toBe(1);
    // What the workflows and the relay would leave behind, written straight into the read model: an
    // overdue task, a form waiting for delivery, a notice that failed.
    const db = api.database.db;
    await db.insert(caseTasks).values({ caseId: cases.applicant, taskId: `test-${tag}`, source: `test-${tag}`, municipality: M, kind: 'test', title: 'Ring søkeren', role: 'housing_officer', dueDate: '2026-01-05', overdue: true });
    await db.insert(formSubmissions).values({ submissionId: `web-${tag}`, kind: 'incident', caseId: cases.tenant, municipality: M, submittedBy: 'skjema', payload: {}, payloadHash: 'x' });
    await db.insert(notificationOutbox).values({ dedupKey: `web-${tag}#1`, caseId: cases.tenant, recipientEmail: 'a@example.no', subject: 'S', bodyText: 'B', status: 'failed', attempts: 3, lastError: 'SMTP 550', messageId: `<web-${tag}>` });
    const page = await pageAs(USERS.office);
    await page.goto(`${api.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Drift' }).click();
    await page.getByRole('heading', { level: 1, name: 'Driftsoversikt' }).waitFor();
    await page.getByRole('table', { name: 'Saker per fase (tall)' }).waitFor();
    const o = (await api.request('GET', '/api/ops/overview', { token: USERS.office.token })).body;

    expect(await tableCounts(page, 'Saker per fase (tall)')).toEqual({ [PHASE_LABELS.application]: 1, [PHASE_LABELS.follow_up]: 1 });
    expect(await tableCounts(page, 'Saker per fase (tall)')).toEqual(Object.fromEntries(o.byPhase.map((p: { key: 'application'; cases: number }) => [PHASE_LABELS[p.key], p.cases])));
    expect(await tableCounts(page, 'Aktive saker per eskaleringsnivå (tall)')).toEqual(Object.fromEntries(o.byEscalation.map((e: { level: number; cases: number }) => [e.level === 0 ? 'Ingen eskalering' : `Nivå ${e.level}`, e.cases])));
    expect(await tableCounts(page, 'Husleierestanse per trinn i stigen (tall)')).toEqual(
      Object.fromEntries(o.rent.perStep.map((s: { key: string; label: string; cases: number }, i: number) => [s.key === 'none' ? s.label : `Trinn ${i}: ${s.label}`, s.cases])),
    );
    const age = await tableCounts(page, 'Restanser etter alder (tall)');
    expect(Object.values(age)).toEqual(o.rent.arrearsAge.map((a: { cases: number }) => a.cases));
    expect(await tableCounts(page, 'Forfalte oppgaver per rolle (tall)')).toEqual({ Boligkonsulent: 1 });
    expect(o.overdueByRole).toEqual([{ role: 'housing_officer', tasks: 1 }]);
    expect(o.submissionsWaiting.total).toBe(1);
    expect(o.failedNotices.total).toBe(1);
    expect(await page.getByRole('heading', { name: `Skjema som venter på levering (${o.submissionsWaiting.total})` }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: `Varsler som ikke ble sendt (${o.failedNotices.total})` }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: `Beslutninger i boligutvalget som saken avviste (${o.refusedDecisions.length})` }).count()).toBe(1);

    // Drawn charts (hidden from screen readers: the tables are their text), and links into Temporal's UI.
    expect(await page.locator('.chart svg.recharts-surface').count()).toBe(5);
    const phaseLink = page.getByRole('table', { name: 'Saker per fase (tall)' }).getByRole('link', { name: new RegExp(PHASE_LABELS.application) });
    expect(await phaseLink.getAttribute('href')).toBe(`${TEMPORAL_UI}/namespaces/default/workflows?query=${encodeURIComponent(`BotryggMunicipality="${M}" AND BotryggPhase="application"`)}`);
    const oldest = o.oldestDeadlines[0];
    expect(oldest).toMatchObject({ caseId: cases.applicant, title: 'Ring søkeren', overdue: true });
    expect(await page.getByRole('region', { name: 'Eldste frister som venter', exact: true }).textContent()).toContain('5. januar 2026 (forfalt)');
    expect(await page.getByRole('link', { name: new RegExp(oldest.caseId) }).first().getAttribute('href')).toBe(`${TEMPORAL_UI}/namespaces/default/workflows/tenancy-${oldest.caseId}`);
    await expectNoAxeViolations(page, 'driftsoversikt');
    await screenshot(page, 'drift-oversikt');

    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page, 'driftsoversikt 320');
    await expectNoAxeViolations(page, 'driftsoversikt 320');
    await page.context().close();
  });

  it('search finds a case by KID and by address, by keyboard, and links to the case', { timeout: 120_000 }, async () => {
    const page = await pageAs(USERS.officer, { width: 320, height: 640 });
    await page.goto(`${api.baseUrl}/sok`);
    await page.getByRole('heading', { level: 1, name: 'Søk' }).waitFor();
    await expectNoAxeViolations(page, 'søk');
    const box = page.getByRole('searchbox', { name: 'Navn, saksnummer, KID eller adresse' });
    const results = page.getByRole('list', { name: 'Treff' });

    await tabTo(page, box);
    await page.keyboard.type(kidForCase(cases.tenant));
    await page.keyboard.press('Enter');
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    expect(await results.textContent()).toContain(names.tenant);
    expect(await results.textContent()).toContain('Treff på KID');
    await expectNoAxeViolations(page, 'søk på KID');
    await expectNoHorizontalScroll(page, 'søk 320');
    await screenshot(page, 'sok-kid-320');

    await box.fill(address.toLowerCase());
    await page.getByRole('button', { name: 'Søk' }).click();
    await expect.poll(() => results.textContent()).toContain('Treff på adresse');
    expect(await results.getByRole('listitem').count()).toBe(1);
    // The query never goes into the page's address (browser history, server logs).
    expect(page.url()).toBe(`${api.baseUrl}/sok`);

    await box.fill(`nobody-${tag}`);
    await page.keyboard.press('Enter');
    await page.getByText('Ingen saker passer.').waitFor();

    await box.fill(names.tenant.split(' ').reverse().join(' '));
    await page.keyboard.press('Enter');
    await results.getByRole('link', { name: names.tenant }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(names.tenant) }).waitFor();
    await page.context().close();
  });
});
