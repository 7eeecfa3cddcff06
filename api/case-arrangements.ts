import { z } from 'zod';
import { CONSENT_PARTIES, PAYMENT_METHODS } from '../domain/schemas/case-actions';
import type { IsoDate } from '../domain/calendar';
import { committeeBasis, consentInForce } from '../domain/tenancy/arrangements';
import type { TenancyView } from '../domain/tenancy/view';

/**
 * What seed 002 says a case holds besides its steps, typed for the case page: the latest mapping
 * interview with every question, the consent to cooperation and information sharing (or the legal
 * basis), whether the committee may see the case, and how the rent is paid under which fullmakt.
 */
export const CaseArrangements = z.object({
  interview: z
    .object({
      date: z.string(),
      interviewerId: z.string(),
      count: z.int().meta({ description: 'Antall kartleggingssamtaler; dette er den siste' }),
      hasPropertyOrCapital: z.boolean(),
      couldRentPrivatelyWithSupport: z.boolean(),
      couldBuyWithStartUpLoan: z.boolean(),
      couldGetHousingAllowanceOrGrant: z.boolean().nullable(),
      hasDebtOrPaymentRemarks: z.boolean().nullable(),
      roomsNeeded: z.int(),
      childrenInHousehold: z.int(),
      ableToLiveIndependently: z.boolean(),
      needsHousingGuidance: z.boolean(),
      rentPaymentArrangement: z.boolean(),
      needsAccessibleDwelling: z.boolean().nullable(),
      monthlyIncomeOre: z.int().nullable(),
      preferredLocations: z.array(z.string()),
      locationsToAvoid: z.array(z.string()),
      notes: z.string().nullable(),
    })
    .nullable(),
  consent: z
    .object({
      status: z.enum(['given', 'withdrawn']),
      inForce: z.boolean(),
      scope: z.array(z.enum(CONSENT_PARTIES)),
      date: z.string(),
      validUntil: z.string().nullable(),
      withdrawnDate: z.string().nullable(),
      recordedBy: z.string(),
    })
    .nullable(),
  legalBasis: z.object({ basis: z.string(), date: z.string(), recordedBy: z.string() }).nullable(),
  committeeBasis: z.string().nullable().meta({ description: 'Hvorfor boligutvalget kan se saken (samtykke eller hjemmel), eller null: da ser utvalget den ikke' }),
  payment: z
    .object({
      method: z.enum(PAYMENT_METHODS),
      date: z.string(),
      recordedBy: z.string(),
      authorisation: z.object({ grantedTo: z.enum(['nav', 'employer']), signedDate: z.string(), validUntil: z.string().nullable(), withdrawnDate: z.string().nullable() }).nullable(),
    })
    .nullable(),
});

export function caseArrangements(view: TenancyView, today: IsoDate): z.infer<typeof CaseArrangements> {
  const last = view.interviews?.at(-1);
  const c = view.consent;
  const p = view.payment;
  return {
    interview: last
      ? {
          date: last.date,
          interviewerId: last.interviewerId,
          count: view.interviews.length,
          hasPropertyOrCapital: last.hasPropertyOrCapital,
          couldRentPrivatelyWithSupport: last.couldRentPrivatelyWithSupport,
          couldBuyWithStartUpLoan: last.couldBuyWithStartUpLoan,
          couldGetHousingAllowanceOrGrant: last.couldGetHousingAllowanceOrGrant ?? null,
          hasDebtOrPaymentRemarks: last.hasDebtOrPaymentRemarks ?? null,
          roomsNeeded: last.roomsNeeded,
          childrenInHousehold: last.childrenInHousehold,
          ableToLiveIndependently: last.ableToLiveIndependently,
          needsHousingGuidance: last.needsHousingGuidance,
          rentPaymentArrangement: last.rentPaymentArrangement,
          needsAccessibleDwelling: last.needsAccessibleDwelling ?? null,
          monthlyIncomeOre: last.monthlyIncomeOre ?? null,
          preferredLocations: last.preferredLocations ?? [],
          locationsToAvoid: last.locationsToAvoid ?? [],
          notes: last.notes ?? null,
        }
      : null,
    consent: c
      ? { status: c.status, inForce: consentInForce(view, today), scope: c.scope, date: c.date, validUntil: c.validUntil ?? null, withdrawnDate: c.withdrawnDate ?? null, recordedBy: c.recordedBy }
      : null,
    legalBasis: view.legalBasis ?? null,
    committeeBasis: committeeBasis(view, today) ?? null,
    payment: p
      ? {
          method: p.method,
          date: p.date,
          recordedBy: p.recordedBy,
          authorisation: p.authorisation
            ? { grantedTo: p.authorisation.grantedTo, signedDate: p.authorisation.signedDate, validUntil: p.authorisation.validUntil ?? null, withdrawnDate: p.authorisation.withdrawnDate ?? null }
            : null,
        }
      : null,
  };
}
