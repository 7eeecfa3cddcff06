import type { z } from 'zod';
import { compareDates, type IsoDate } from '../calendar';
import type { arrangementPayloads } from '../schemas/case-actions';
import type { ActionRule } from './rule';
import { addEvent, addRecord, type ConsentParty, type PaymentMethod, type TenancyState } from './state';

/**
 * Seed 002's agreement names two things the case must hold besides the lease: the tenant's consent
 * to cooperation and information sharing between the services (or, instead, a legal basis the
 * services share under), and the fullmakt for how the rent is paid. Both may be recorded at any
 * point of an active case, and both can be withdrawn by the tenant.
 */

type P<T extends string> = Extract<z.infer<(typeof arrangementPayloads)[number]>, { type: T }>;

export const CONSENT_PARTY_LABELS: Record<ConsentParty, string> = {
  housing_office: 'boligkontoret',
  follow_up_service: 'oppfølgingstjenesten',
  nav: 'NAV',
  health_services: 'helse- og omsorgstjenestene',
  committee: 'boligutvalget',
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  avtalegiro: 'AvtaleGiro',
  efaktura: 'eFaktura',
  online_bank: 'nettbank eller giro',
  nav_direct: 'NAV betaler husleien direkte',
  wage_deduction: 'trekk i lønn',
};

/** The methods where someone other than the tenant pays, and so needs the tenant's fullmakt. */
const NEEDS_AUTHORISATION: Partial<Record<PaymentMethod, 'nav' | 'employer'>> = { nav_direct: 'nav', wage_deduction: 'employer' };

const list = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}`);

/** Consent in force on `date`: given, not withdrawn, not past its end. */
export function consentInForce(state: Pick<TenancyState, 'consent'>, date: IsoDate): boolean {
  const c = state.consent;
  return !!c && c.status === 'given' && (c.validUntil === undefined || compareDates(date, c.validUntil) <= 0);
}

/**
 * Why the housing committee may see this case on `date`, in words for the agenda, or undefined when
 * it may not: consent that names the committee, or a recorded legal basis.
 */
export function committeeBasis(state: Pick<TenancyState, 'consent' | 'legalBasis'>, date: IsoDate): string | undefined {
  if (consentInForce(state, date) && state.consent!.scope.includes('committee')) return `Samtykke til samarbeid og informasjonsutveksling (${state.consent!.date}).`;
  if (state.legalBasis) return `Hjemmel: ${state.legalBasis.basis} (registrert ${state.legalBasis.date}).`;
  return undefined;
}

export const arrangementRules: {
  recordConsent: ActionRule<P<'recordConsent'>>;
  withdrawConsent: ActionRule<P<'withdrawConsent'>>;
  recordLegalBasis: ActionRule<P<'recordLegalBasis'>>;
  recordPaymentArrangement: ActionRule<P<'recordPaymentArrangement'>>;
  withdrawPaymentAuthorisation: ActionRule<P<'withdrawPaymentAuthorisation'>>;
} = {
  recordConsent: {
    roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
    reject(_s, p, { today }) {
      if (compareDates(p.date, today) > 0) return 'Samtykket kan ikke være gitt fram i tid.';
      if (p.validUntil && compareDates(p.validUntil, p.date) < 0) return 'Samtykket kan ikke gjelde til en dato før det ble gitt.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.consent = { status: 'given', scope: [...p.scope], date: p.date, recordedBy: actor.id, ...(p.validUntil ? { validUntil: p.validUntil } : {}) };
      addRecord(state, { kind: 'consent', key: `${p.date}#given`, data: { ...state.consent } });
      const message = `Samtykke til samarbeid og informasjonsutveksling mellom ${list(p.scope.map((x) => CONSENT_PARTY_LABELS[x]))} er registrert (${p.date}${p.validUntil ? `, gjelder til ${p.validUntil}` : ''}).`;
      addEvent(state, now, { kind: 'consent_given', actorId: actor.id, summary: message, data: { scope: p.scope, date: p.date } });
      return message;
    },
  },
  withdrawConsent: {
    roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
    reject(s, p) {
      if (s.consent?.status !== 'given') return 'Det er ikke registrert noe samtykke som kan trekkes tilbake.';
      if (compareDates(p.date, s.consent.date) < 0) return 'Samtykket kan ikke trekkes tilbake før det ble gitt.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.consent = { ...state.consent!, status: 'withdrawn', withdrawnDate: p.date };
      addRecord(state, { kind: 'consent', key: `${state.consent.date}#withdrawn`, data: { ...state.consent } });
      const message = `Leietaker har trukket tilbake samtykket til samarbeid og informasjonsutveksling (${p.date}). Tjenestene deler ikke lenger opplysninger på grunnlag av samtykke${state.legalBasis ? '; registrert hjemmel gjelder fortsatt' : ''}.`;
      addEvent(state, now, { kind: 'consent_withdrawn', actorId: actor.id, summary: message, data: { date: p.date } });
      return message;
    },
  },
  recordLegalBasis: {
    roles: ['housing_officer', 'housing_office'],
    reject: () => undefined,
    apply(state, p, { now, actor }) {
      state.legalBasis = { basis: p.basis, date: p.date, recordedBy: actor.id };
      addRecord(state, { kind: 'legal_basis', key: p.date, data: { ...state.legalBasis } });
      const message = `Hjemmel for samarbeid og informasjonsutveksling uten samtykke er registrert (${p.date}).`;
      addEvent(state, now, { kind: 'legal_basis_recorded', actorId: actor.id, summary: message, data: { date: p.date } });
      return message;
    },
  },
  recordPaymentArrangement: {
    roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
    reject(_s, p) {
      const needs = NEEDS_AUTHORISATION[p.method];
      if (needs && !p.authorisation) return `${PAYMENT_METHOD_LABELS[p.method]} krever fullmakt fra leietaker. Registrer fullmakten.`;
      if (needs && p.authorisation!.grantedTo !== needs) return `Fullmakten for ${PAYMENT_METHOD_LABELS[p.method].toLowerCase()} må gis til ${needs === 'nav' ? 'NAV' : 'arbeidsgiveren'}.`;
      if (!needs && p.authorisation) return `${PAYMENT_METHOD_LABELS[p.method]} betales av leietaker selv og trenger ingen fullmakt.`;
      if (p.authorisation?.validUntil && compareDates(p.authorisation.validUntil, p.authorisation.signedDate) < 0) return 'Fullmakten kan ikke gjelde til en dato før den ble signert.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.payment = { method: p.method, date: p.date, recordedBy: actor.id, ...(p.authorisation ? { authorisation: { ...p.authorisation } } : {}) };
      addRecord(state, { kind: 'payment_arrangement', key: `${p.date}#${p.method}`, data: { ...state.payment } });
      const fullmakt = p.authorisation ? ` Fullmakt til ${p.authorisation.grantedTo === 'nav' ? 'NAV' : 'arbeidsgiveren'} signert ${p.authorisation.signedDate}.` : '';
      const message = `Betalingsmåte for husleien: ${PAYMENT_METHOD_LABELS[p.method]} (fra ${p.date}).${fullmakt}`;
      addEvent(state, now, { kind: 'payment_arrangement_recorded', actorId: actor.id, summary: message, data: { method: p.method, authorisation: !!p.authorisation } });
      return message;
    },
  },
  withdrawPaymentAuthorisation: {
    roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
    reject(s) {
      const a = s.payment?.authorisation;
      if (!a || a.withdrawnDate) return 'Det er ikke registrert noen fullmakt som kan trekkes tilbake.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.payment = { ...state.payment!, authorisation: { ...state.payment!.authorisation!, withdrawnDate: p.date } };
      addRecord(state, { kind: 'payment_arrangement', key: `${state.payment.date}#${state.payment.method}#withdrawn`, data: { ...state.payment } });
      const message = `Leietaker har trukket tilbake fullmakten for husleien (${p.date}). Avtal og registrer en ny betalingsmåte.`;
      addEvent(state, now, { kind: 'payment_authorisation_withdrawn', actorId: actor.id, summary: message, data: { date: p.date } });
      return message;
    },
  },
};
