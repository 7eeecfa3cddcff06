import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloDate } from '../../domain/calendar';
import { interview } from '../helpers/fixtures';
import { newCase, startApiHarness, type ApiHarness } from '../helpers/api';
import { pdfLines } from '../helpers/pdf-text';

/**
 * Forvaltningsloven §§ 24–34 through HTTP: the decision on an application is written with reasons,
 * made into a decision letter with the appeal information, and an appeal is registered and decided.
 */
describe('API: individual decisions (enkeltvedtak) and appeals', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness('api individual decisions');
  });
  afterAll(async () => {
    await api?.close();
  });

  const act = (caseId: string, body: Record<string, unknown>) => api.request('POST', `/api/tenancies/${caseId}/actions`, { body, headers: { 'Idempotency-Key': randomUUID() } });

  /** The workflow makes the letter after the action is answered: wait for it to be listed. */
  async function lettersOf(caseId: string, count: number) {
    for (let i = 0; i < 100; i++) {
      const res = await api.request('GET', `/api/tenancies/${caseId}/letters`);
      expect(res.status).toBe(200);
      if (res.body.letters.length >= count) return res.body.letters;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${caseId}: fewer than ${count} letters after 10 s`);
  }

  it('a rejection needs reasons, is sent as a decision letter with the appeal deadline, and an appeal reversed sends the case to allocation', { timeout: 60_000 }, async () => {
    const today = osloDate(Date.now());
    const caseId = await newCase(api, { municipality: 'tynset' });
    expect((await act(caseId, interview(today))).status).toBe(200);

    const unreasoned = await act(caseId, { type: 'recordDecision', outcome: 'rejected', date: today });
    expect(unreasoned.status).toBe(409);
    expect(unreasoned.body.error).toBe('Et avslag må begrunnes (forvaltningsloven § 24): skriv begrunnelsen i feltet «reasons».');

    const rejected = await act(caseId, { type: 'recordDecision', outcome: 'rejected', date: today, reasons: 'Søkeren eier en bolig hun kan flytte tilbake til.' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const [letter] = await lettersOf(caseId, 1);
    expect(letter).toMatchObject({ kind: 'decision', channel: 'post', status: 'queued', title: 'Vedtak: Søknad om kommunal bolig' });
    const pdf = await fetch(`${api.baseUrl}${letter.pdf}`, { headers: { authorization: 'Bearer dev-boligkonsulent' } });
    const text = (await pdfLines(new Uint8Array(await pdf.arrayBuffer()))).join(' ');
    expect(text).toContain('Begrunnelse: Søkeren eier en bolig hun kan flytte tilbake til.');
    expect(text).toContain('Fristen er tre uker fra du fikk dette brevet.');
    expect(text).toContain('Du har rett til å se dokumentene i saken din');

    let view = (await api.request('GET', `/api/tenancies/${caseId}`)).body;
    const decision = view.live.individualDecisions[0];
    expect(decision).toMatchObject({ id: 'application', outcome: 'rejected', letterId: letter.letterId });
    expect(view.live.status).toBe('active');

    expect((await act(caseId, { type: 'registerAppeal', decisionId: 'application', receivedDate: today, unknown: 1 })).status).toBe(400);
    const appeal = await act(caseId, { type: 'registerAppeal', decisionId: 'application', receivedDate: today, note: 'Boligen er solgt.' });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(200);
    const reversed = await act(caseId, { type: 'decideAppeal', decisionId: 'application', stage: 'review', outcome: 'reversed', date: today, reasons: 'Boligen er solgt; søkeren står uten bolig.' });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(200);
    view = (await api.request('GET', `/api/tenancies/${caseId}`)).body;
    expect(view.live.phase).toBe('allocation');
    expect(view.live.individualDecisions[0].appeal.review).toMatchObject({ outcome: 'reversed' });
    // The tenant is told in writing what became of the appeal.
    const letters = await lettersOf(caseId, 2);
    expect(letters[1]).toMatchObject({ kind: 'decision', title: 'Vedtak: Klagen din' });
  });
});
