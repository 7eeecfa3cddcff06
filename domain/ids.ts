/**
 * Workflow IDs are built from business keys here and nowhere else: a running workflow is found
 * again by its case ID alone, and renaming a prefix would orphan every running case.
 */
export const tenancyWorkflowId = (caseId: string): string => `tenancy-${caseId}`;
/** The n-th referral of a case to help with renting privately (seed 004): each referral its own workflow. */
export const privateRentalWorkflowId = (caseId: string, referral: number): string => `private-rental-${caseId}-${referral}`;
/** The n-th incident reported on a case; its incident ID is `${caseId}-H${n}`. */
export const incidentWorkflowId = (caseId: string, seq: number): string => `incident-${caseId}-${seq}`;
/** The housing committee's entity workflow: one per committee, for as long as the committee meets. */
export const committeeWorkflowId = (committeeId: string): string => `committee-${committeeId}`;
/** A committee key: lower-case letters, digits and hyphens, e.g. `tynset-boligutvalg`. */
export const COMMITTEE_ID_PATTERN = /^[a-z][a-z0-9-]{2,59}$/;

const CASE_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O/1/I: read aloud over the phone

/** A case ID staff can read out: `TYN-2026-7KX3QF`. `random` supplies 6 values in [0, 1). */
export function formatCaseId(municipality: string, year: number, random: () => number): string {
  const prefix = municipality.replace(/[^a-z]/gi, '').slice(0, 3).toUpperCase().padEnd(3, 'X');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += CASE_ID_ALPHABET[Math.floor(random() * CASE_ID_ALPHABET.length)];
  return `${prefix}-${year}-${suffix}`;
}

export const CASE_ID_PATTERN = /^[A-Z]{3}-\d{4}-[2-9A-HJ-NP-Z]{6}$/;
