import { z } from 'zod';
import { compareDates, isValidIsoDate } from '../calendar';

/**
 * Validation at the edge (API and forms), never imported by workflows: building zod schemas costs
 * every workflow context hundreds of KiB and most of its start-up time (bench/workflow-memory.ts).
 * The purity test keeps zod out of the workflow bundle.
 */

/**
 * Dates a case can hold: a case ID carries the four-digit year of its received date, and the
 * calendar's holiday tables and timers must cover every date a workflow computes from it.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/** A calendar date 'YYYY-MM-DD' that exists (rejects 2026-02-30) within EARLIEST_DATE…LATEST_DATE. */
export const isoDate = z
  .string()
  .refine(isValidIsoDate, { message: 'må være en dato på formen ÅÅÅÅ-MM-DD' })
  .refine((d) => !isValidIsoDate(d) || (compareDates(d, EARLIEST_DATE) >= 0 && compareDates(d, LATEST_DATE) <= 0), {
    message: `må være en dato mellom ${EARLIEST_DATE} og ${LATEST_DATE}`,
  })
  .meta({ format: 'date', example: '2026-11-23' });

export const municipalityCode = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'må være en kommunekode med små bokstaver, for eksempel «tynset»');

/** Client-generated key that makes a form submission safe to resend. */
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, 'må ha minst 8 tegn')
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'kan bare inneholde bokstaver, tall og . _ : -');

/** An instant with its UTC offset, e.g. '2026-11-23T09:00:00+01:00', within the same years as `isoDate`. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((t) => t.slice(0, 10) >= EARLIEST_DATE && t.slice(0, 10) <= LATEST_DATE, { message: `må være et tidspunkt mellom ${EARLIEST_DATE} og ${LATEST_DATE}` });
