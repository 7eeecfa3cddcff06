import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate, osloInstant } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { createSmtpMailer, type Mailer } from '../../platform/mailer';
import { allocated, DEMO_DWELLINGS, movedIn, type Step } from '../../scripts/demo-data';
import { startApiHarness, type ApiHarness } from '../helpers/api';
import { startSmtpServer, type ReceivedMail, type SmtpHarness } from '../helpers/smtp';
import { createTimeSkippingEnv, untilIdle } from '../helpers/temporal';

/**
 * Husleieloven § 9-11 through HTTP: the notice NAV gets when rent arrears can lead to eviction, and
 * the tenant's written refusal of such notices recorded as a case action. Two tenants pay nothing for
 * two months on a Temporal server that skips time; only the one who did not refuse is reported.
 */
const M = `nav-${randomUUID().slice(0, 6)}`;
const TOKENS_HERE = { officer: 'nav-officer', followUpWorker: 'nav-oppfolger' };
const EXTRA = [`${TOKENS_HERE.officer}:kari.nordmann:housing_officer+housing_office:${M}`, `${TOKENS_HERE.followUpWorker}:ola.hansen:follow_up_worker:${M}`].join(',');
const mailbox = (role: string) => `${role.replace(/_/g, '-')}@${M}.kommune.no`;

describe('API: husleieloven § 9-11 notice to NAV', () => {
  const received: ReceivedMail[] = [];
  let smtp: SmtpHarness;
  let mailer: Mailer;
  let env: TestWorkflowEnvironment;
  let api: ApiHarness;
  beforeAll(async () => {
    smtp = await startSmtpServer(received);
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Botrygg <noreply@botrygg.local>' });
    env = await createTimeSkippingEnv();
    api = await startApiHarness('api nav notice', { timeSkipping: env, mailer, extraTokens: EXTRA });
  });
  afterAll(async () => {
    await api?.close();
    await env?.teardown();
    await mailer?.close();
    await smtp?.stop();
  });

  const act = (caseId: string, body: Record<string, unknown>, token: string = TOKENS_HERE.officer) =>
    api.request('POST', `/api/tenancies/${caseId}/actions`, { token, body, headers: { 'Idempotency-Key': randomUUID() } });

  async function movedInCase(name: string, email: string, today: string): Promise<string> {
    const res = await api.request('POST', '/api/tenancies', {
      token: TOKENS_HERE.officer,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { municipality: M, applicant: { name, email }, currentHousing: 'Hos en venn.', housingOfficerId: 'kari.nordmann' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const caseId: string = res.body.caseId;
    const steps: Step[] = [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)];
    for (const { as, payload } of steps) {
      const body = payload.type === 'offerDwelling' ? { type: 'offerDwelling', dwellingId: payload.dwelling.id } : payload;
      const r = await act(caseId, body, as === 'followUpWorker' ? TOKENS_HERE.followUpWorker : TOKENS_HERE.officer);
      expect(r.status, `${payload.type}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    return caseId;
  }

  it('sends NAV a notice it can act on, copies the tenant, and sends none for a tenant who refused in writing', { timeout: 180_000 }, async () => {
    const contacts = await api.request('PUT', `/api/municipalities/${M}/contacts`, {
      token: TOKENS_HERE.officer,
      body: { nav: mailbox('nav'), housing_office: mailbox('housing_office'), follow_up_worker: mailbox('follow_up_worker') },
    });
    expect(contacts.status).toBe(200);
    const dwelling = DEMO_DWELLINGS[1]!;
    expect((await api.request('PUT', '/api/dwellings', { token: TOKENS_HERE.officer, body: { ...dwelling, municipality: M } })).status).toBe(200);

    const today = osloDate(await env.currentTimeMs());
    const reported = await movedInCase('Siri Varslet', 'siri@leietaker.example', today);
    const refused = await movedInCase('Rune Reservert', 'rune@leietaker.example', today);

    // The refusal is a case action: only the housing side records it, and it is on the case at once.
    const byWorker = await act(refused, { type: 'recordNavNoticeRefusal', date: today, note: 'Skriftlig reservasjon mottatt.' }, TOKENS_HERE.followUpWorker);
    expect(byWorker.status).toBe(409);
    expect(byWorker.body.error).toBe('Du har ikke en rolle som kan utføre denne handlingen i saken.');
    const refusal = await act(refused, { type: 'recordNavNoticeRefusal', date: today, note: 'Skriftlig reservasjon mottatt.' });
    expect(refusal.status, JSON.stringify(refusal.body)).toBe(200);
    expect(refusal.body.result ?? refusal.body.message ?? JSON.stringify(refusal.body)).toContain('reservert seg');
    const badDate = await act(refused, { type: 'recordNavNoticeRefusal', date: '31.12.2026' });
    expect(badDate.status).toBe(400);

    // Nobody pays: the § 4-18 warning and the § 9-11 notice go 60 days after the first due date.
    const until = addDays(today, 66);
    for (let d = addDays(today, 7); d <= until; d = addDays(d, 7)) {
      await untilIdle(env, [tenancyWorkflowId(reported), tenancyWorkflowId(refused)]);
      const ms = osloInstant(d, '12:00') - (await env.currentTimeMs());
      if (ms > 0) await env.sleep(ms);
    }
    await untilIdle(env, [tenancyWorkflowId(reported), tenancyWorkflowId(refused)]);

    const toNav = received.filter((m) => m.to.includes(mailbox('nav')) && m.subject?.includes('§ 9-11'));
    expect(toNav.map((m) => m.subject)).toEqual([`Varsel etter husleieloven § 9-11, sak ${reported}`]);
    const text = toNav[0]!.text!;
    const rent = (await api.request('GET', `/api/tenancies/${reported}/rent`, { token: TOKENS_HERE.officer })).body;
    expect(text).toContain('Leietaker: Siri Varslet');
    expect(text).toContain(`Bolig: ${dwelling.address}`);
    expect(text).toMatch(/Ubetalt husleie: [\d ]+,\d\d kr for \w+ \d{4} \(/);
    expect(text).toContain('Begjæring om fravikelse kan tidligst sendes');
    expect(JSON.stringify(rent)).toMatch(/earliestEvictionRequest/);
    const earliest = JSON.stringify(rent).match(/"earliestEvictionRequest":"(\d{4}-\d\d-\d\d)"/)![1]!;
    expect(text).toContain(`(${earliest})`);
    expect(text).toContain(`Kontakt i kommunen: Boligkontoret, ${mailbox('housing_office')}`);

    const copies = received.filter((m) => m.subject === 'Kopi: varsel til NAV etter husleieloven § 9-11');
    expect(copies.map((m) => m.to)).toEqual([['siri@leietaker.example']]);
    expect(copies[0]!.text).toContain('Leietaker: Siri Varslet');

    // The tenant who refused got the § 4-18 warning, and the timeline says why NAV was not told.
    expect(received.some((m) => m.to.includes('rune@leietaker.example') && m.subject?.includes('§ 4-18'))).toBe(true);
    const refusedCase = (await api.request('GET', `/api/tenancies/${refused}`, { token: TOKENS_HERE.officer })).body;
    expect(JSON.stringify(refusedCase)).toContain(`leietaker har reservert seg skriftlig (${today})`);
  });
});
