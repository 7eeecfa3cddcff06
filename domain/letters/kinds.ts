/**
 * The letters the law or the municipality's own routines require in writing, and the facts each one
 * must be filled with. Pure data: imported by the API, the renderer and (types only) by workflows.
 */

export const LETTER_KINDS = [
  'eviction_warning', // tvangsfullbyrdelsesloven § 4-18: varsel før begjæring om fravikelse
  'nav_notice_copy', // husleieloven § 9-11: kopi til leietaker av varselet til NAV
  'landlord_notice', // husleieloven §§ 9-6, 9-7: oppsigelse fra utleier
  'short_lease_reason', // husleieloven § 11-1: begrunnelse for kortere leietid
  'decision', // forvaltningsloven §§ 24–27: enkeltvedtak med begrunnelse og klageadgang
  'allowance_settlement', // Husbanken: månedlig avregning når bostøtten betales til kommunen
  'neighbour_complaint', // melding om klager fra naboer
  'three_party_meeting', // innkalling til trepartsmøte
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_LANGUAGES = ['nb', 'nn'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** `money` is øre (an integer), `date` an ISO date, `text` one or more plain lines. */
export type FieldType = 'money' | 'date' | 'text';

export interface FieldSpec {
  type: FieldType;
  /** What staff are asked for, in bokmål. */
  label: string;
  /** Longest accepted text; letters go to print, so a field cannot grow without bound. */
  maxLength?: number;
}

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  eviction_warning: 'Varsel etter tvangsfullbyrdelsesloven § 4-18',
  nav_notice_copy: 'Kopi av varsel til NAV (husleieloven § 9-11)',
  landlord_notice: 'Oppsigelse fra utleier (husleieloven § 9-7)',
  short_lease_reason: 'Begrunnelse for kortere leietid (husleieloven § 11-1)',
  decision: 'Enkeltvedtak',
  allowance_settlement: 'Avregning av bostøtte',
  neighbour_complaint: 'Melding om klage fra naboer',
  three_party_meeting: 'Innkalling til trepartsmøte',
};

/**
 * The facts staff give for each kind. The case supplies the rest (name, case ID, municipality,
 * date): see `CASE_FIELDS`. Every field listed here is required; a template may use fewer.
 */
export const LETTER_FIELDS: Record<LetterKind, Record<string, FieldSpec>> = {
  eviction_warning: {
    arrears: { type: 'money', label: 'Skyldig beløp (øre)' },
    arrearsPeriod: { type: 'text', label: 'Hvilke måneder restansen gjelder', maxLength: 200 },
    kid: { type: 'text', label: 'KID', maxLength: 25 },
    accountNumber: { type: 'text', label: 'Kontonummer', maxLength: 20 },
  },
  nav_notice_copy: {
    arrears: { type: 'money', label: 'Skyldig beløp (øre)' },
    navOffice: { type: 'text', label: 'NAV-kontoret som fikk varselet', maxLength: 200 },
    noticeDate: { type: 'date', label: 'Dato varselet ble sendt NAV' },
  },
  landlord_notice: {
    reason: { type: 'text', label: 'Begrunnelse for oppsigelsen', maxLength: 4000 },
    moveOutDate: { type: 'date', label: 'Dato leieforholdet slutter' },
  },
  short_lease_reason: {
    leaseStart: { type: 'date', label: 'Leieforholdet starter' },
    leaseEnd: { type: 'date', label: 'Leieforholdet slutter' },
    reason: { type: 'text', label: 'Hvorfor leietiden er kortere enn tre år', maxLength: 4000 },
  },
  decision: {
    subject: { type: 'text', label: 'Hva vedtaket gjelder', maxLength: 200 },
    decision: { type: 'text', label: 'Vedtaket', maxLength: 4000 },
    reasons: { type: 'text', label: 'Begrunnelse (fakta og vurdering)', maxLength: 8000 },
    legalBasis: { type: 'text', label: 'Regler vedtaket bygger på', maxLength: 1000 },
  },
  allowance_settlement: {
    period: { type: 'text', label: 'Måned (for eksempel januar 2027)', maxLength: 40 },
    rent: { type: 'money', label: 'Husleie (øre)' },
    allowance: { type: 'money', label: 'Bostøtte mottatt (øre)' },
    ownShare: { type: 'money', label: 'Din del å betale (øre)' },
  },
  neighbour_complaint: {
    complaintDate: { type: 'date', label: 'Dato for klagen' },
    summary: { type: 'text', label: 'Hva klagen gjelder (uten navn på naboer)', maxLength: 2000 },
  },
  three_party_meeting: {
    meetingDate: { type: 'date', label: 'Dato for møtet' },
    meetingTime: { type: 'text', label: 'Klokkeslett (TT:MM)', maxLength: 5 },
    location: { type: 'text', label: 'Sted', maxLength: 200 },
    purpose: { type: 'text', label: 'Hva møtet skal handle om', maxLength: 2000 },
  },
};

/** Filled from the case and the municipality's letter profile, never typed in by staff. */
export const CASE_FIELDS = ['recipient', 'caseId', 'date', 'municipality', 'appealBody'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];
