import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { tenancies } from '../../db/schema';
import { createLogger, scrubErrorText } from '../../platform/logger';
import { openTestDatabase } from '../helpers/database';
import { testCaseId } from '../helpers/fixtures';

/** What the logger wrote, line by line, as the log shipper would read it. */
function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', { process: 'redaction-test' }, stream), text: () => lines.join('\n'), lines };
}

const PERSON = { name: 'Ingrid Bakken', email: 'ingrid.bakken@example.no', phone: '+47 912 34 567', housing: 'Bor i bil etter samlivsbrudd, rusproblemer' };

describe('logger: IDs, never personal data (real PostgreSQL errors)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A failed insert whose parameters are an applicant's personal data, as the intake would make it. */
  async function failedInsert(): Promise<unknown> {
    const caseId = testCaseId();
    const values = {
      caseId,
      workflowId: `tenancy-${caseId}`,
      municipality: 'tynset',
      phase: 'application',
      status: 'active',
      applicantName: PERSON.name,
      receivedDate: '2026-11-23',
      // PostgreSQL refuses U+0000 in text: the error comes back with every parameter in its message.
      housingOfficerId: `kari${'\u0000'}`,
      snapshot: { applicant: PERSON, currentHousing: PERSON.housing },
    } as unknown as typeof tenancies.$inferInsert;
    try {
      await database.db.insert(tenancies).values(values);
    } catch (err) {
      return err;
    }
    throw new Error('the insert should have failed');
  }

  it('logs a database error with its kind and SQL but without the query parameters', async () => {
    const err = await failedInsert();
    // The raw error does carry the applicant: that is what must not reach the log.
    expect(String((err as Error).message) + JSON.stringify(err, Object.getOwnPropertyNames(err))).toContain(PERSON.name);

    const { logger, text, lines } = captured();
    logger.error({ err, requestId: 'req-12345678', path: '/api/tenancies' }, 'Unhandled error');
    // The Temporal SDK's logger passes failures as `error`; a nested cause is scrubbed too.
    logger.warn({ error: err, workflowId: 'tenancy-TYN-2026-AAAAAA' }, 'Activity failed');
    logger.warn({ err: new Error('Activity task failed', { cause: err }) }, 'wrapped');
    logger.error({ taskToken: 'abc' }, `Error while processing ActivityTask.start: ${(err as Error).message}`);
    const out = text();
    for (const value of [PERSON.name, PERSON.email, PERSON.phone, 'samlivsbrudd', 'Bakken']) expect(out).not.toContain(value);
    const first = JSON.parse(lines[0]!);
    expect(first.requestId).toBe('req-12345678');
    expect(first.err.message).toMatch(/insert into "tenancies"/);
    expect(first.err.message).toContain('params: [fjernet]');
    expect(JSON.parse(lines[2]!).err.cause.message).toContain('params: [fjernet]');
  });

  it('redacts personal fields wherever a caller puts them, and values quoted in PostgreSQL messages', () => {
    const { logger, text } = captured();
    logger.info({ caseId: 'TYN-2026-AAAAAA', applicant: { name: PERSON.name }, email: PERSON.email }, 'submitted');
    logger.info({ submission: { payload: { currentHousing: PERSON.housing }, body: { phone: PERSON.phone } } }, 'kept');
    const out = text();
    expect(out).toContain('TYN-2026-AAAAAA');
    for (const value of [PERSON.name, PERSON.email, PERSON.phone, PERSON.housing]) expect(out).not.toContain(value);
    expect(scrubErrorText('invalid input syntax for type integer: "Ingrid Bakken"')).toBe('invalid input syntax for type integer: "[fjernet]"');
    expect(scrubErrorText('Key (email)=(ingrid@example.no) already exists.')).toBe('Key (email)=([fjernet]) already exists.');
    expect(scrubErrorText('Failed query: insert into "x" values ($1)\nparams: Ingrid\nBakken,ingrid@x.no\n    at foo (file.js:1:1)')).toBe(
      'Failed query: insert into "x" values ($1)\nparams: [fjernet]\n    at foo (file.js:1:1)',
    );
  });
});
