import { z } from 'zod';
import { CASE_ID_PATTERN } from '../ids';
import { municipalityCode } from './common';

/** `GET /api/rent/unmatched-payments`: the work list of payments no case took. */
export const UnmatchedPaymentsQuery = z.strictObject({
  /** For the national administrator; everyone else sees their own municipality. */
  municipality: municipalityCode.optional(),
});

/** `POST /api/rent/unmatched-payments/match`: a person posts one unmatched payment to a case. */
export const ManualPaymentMatch = z.strictObject({
  importId: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  transactionId: z.string().trim().min(1).max(100),
  caseId: z.string().regex(CASE_ID_PATTERN, 'må være et saksnummer som TYN-2026-7KX3QF'),
  /** Why this payment belongs to this case (kept with the match, not logged). */
  reason: z.string().trim().min(3).max(1000),
});
