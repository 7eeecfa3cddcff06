import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseLetterActivities } from '../../activities/case-letters';
import type { DatabaseHandle } from '../../db/client';
import { letterProfiles, letters } from '../../db/schema-letters';
import { notificationContacts } from '../../db/schema-notifications';
import type { PendingLetter } from '../../domain/tenancy/case-letters';
import { renderLetterPdf } from '../../platform/letter-pdf';
import { openTestDatabase } from '../helpers/database';
import { pdfLines } from '../helpers/pdf-text';

/**
 * Issue 16: the ladder's § 4-18 step makes the warning letter itself. The activity fills the
 * municipality's template from the case and its letter profile, and queues it for registered post.
 */
describe('letters the case makes itself (activity makeCaseLetter)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const warning = (caseId: string): PendingLetter => ({
    key: `${caseId}#rent#2027-03-01#warning_4_18#letter`,
    kind: 'eviction_warning',
    channel: 'registered_post',
    date: '2027-05-03',
    fields: { arrears: 1_830_000, arrearsPeriod: 'mars 2027 og april 2027', kid: '2934232601865499654' },
    purpose: { type: 'rent_warning' },
  });

  it('§ 4-18: fills the warning with the profile\'s account number, queues it for registered post, once per key', async () => {
    const { db } = database;
    const municipality = `brev-${randomUUID().slice(0, 8)}`;
    await db.insert(letterProfiles).values({ municipality, municipalityName: 'Tynset kommune', headerLines: ['Boligtjenesten'], language: 'nb', appealBody: 'Statsforvalteren i Innlandet', receiptBusinessDays: 3, rentAccountNumber: '1234.56.78903', updatedBy: 'test' });
    const { makeCaseLetter } = createCaseLetterActivities({ db });
    const caseId = `TST-2027-${randomUUID().slice(0, 6).toUpperCase()}`;
    const first = await makeCaseLetter({ caseId, municipality, recipient: 'Ingrid Bakken', letter: warning(caseId) });
    expect(first.made).toBe(true);
    const again = await makeCaseLetter({ caseId, municipality, recipient: 'Ingrid Bakken', letter: warning(caseId) });
    expect(again).toEqual(first);
    const rows = await db.select().from(letters).where(eq(letters.caseId, caseId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'eviction_warning', channel: 'registered_post', status: 'queued', createdBy: 'botrygg' });
    const text = (await pdfLines(await renderLetterPdf(rows[0]!.header, rows[0]!.content))).join(' ');
    expect(text).toContain('Du skylder 18 300,00 kr i husleie for mars 2027 og april 2027.');
    expect(text).toContain('Betal til konto 1234.56.78903 og bruk KID 2934232601865499654.');
    expect(text).toContain('tvangsfullbyrdelsesloven § 4-18');
  });

  it('without the account number in the profile the letter is not made, and says why (the case makes it a task)', async () => {
    const { db } = database;
    const municipality = `brev-${randomUUID().slice(0, 8)}`;
    const caseId = `TST-2027-${randomUUID().slice(0, 6).toUpperCase()}`;
    const result = await createCaseLetterActivities({ db }).makeCaseLetter({ caseId, municipality, recipient: 'Ingrid Bakken', letter: warning(caseId) });
    expect(result).toEqual({ made: false, problems: ['Kommunens kontonummer for husleie mangler i brevprofilen.'] });
    expect(await db.select().from(letters).where(eq(letters.caseId, caseId))).toEqual([]);
  });

  it('§ 9-11: the tenant\'s copy names the NAV office from the municipality\'s contacts', async () => {
    const { db } = database;
    const municipality = `brev-${randomUUID().slice(0, 8)}`;
    await db.insert(notificationContacts).values({ municipality, role: 'nav', email: `nav@${municipality}.no`, name: 'NAV Nord-Østerdal' });
    const caseId = `TST-2027-${randomUUID().slice(0, 6).toUpperCase()}`;
    const copy: PendingLetter = { key: `${caseId}#rent#x#nav_notice_9_11#copy-letter`, kind: 'nav_notice_copy', channel: 'post', date: '2027-05-20', fields: { arrears: 1_830_000, noticeDate: '2027-05-20' } };
    const result = await createCaseLetterActivities({ db }).makeCaseLetter({ caseId, municipality, recipient: 'Ingrid Bakken', letter: copy });
    expect(result.made).toBe(true);
    const [row] = await db.select().from(letters).where(eq(letters.caseId, caseId));
    expect(row!.content.paragraphs.join(' ')).toContain('Den 20. mai 2027 sendte vi et varsel om dette til NAV Nord-Østerdal');
  });
});
