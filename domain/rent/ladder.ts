import type { RentLadderDefinition } from '../schemas/rent-ladder';

/**
 * The arrears ladder (Veiviseren «Forhindre utkastelse»): what happens, and when, while rent is
 * unpaid. It is data, not code: a municipality publishes versions with its own days and steps, and
 * a case keeps the version it started with. The actions are the vocabulary the workflow knows;
 * the ladder orders them and says when.
 */
export const LADDER_ACTIONS = [
  'remind_tenant', // betalingspåminnelse til leietaker
  'inform_follow_up', // boligtjenesten informerer oppfølger (avdelingsleder i samlokalisert bolig), seed 000
  'three_party_meeting', // innkalling til trepartsmøte
  'nav_contact', // kontakt med NAV om økonomisk stønad og råd, sammen med leietaker
  'warning_4_18', // varsel etter tvangsfullbyrdelsesloven § 4-18
  'nav_notice_9_11', // varsel til NAV etter husleieloven § 9-11, unless the tenant refused in writing
  'committee_decision', // boligutvalget tar stilling til begjæring om fravikelse
] as const;
export type LadderAction = (typeof LADDER_ACTIONS)[number];

export type { LadderStep, RentLadderDefinition } from '../schemas/rent-ladder';

/** A published ladder: the definition plus the version a case keeps. Version 0 is the national default. */
export type RentLadder = RentLadderDefinition & { version: number };

export const DEFAULT_RENT_LADDER: RentLadder = {
  version: 0,
  dueDay: 1,
  graceDays: 5,
  steps: [
    { key: 'reminder', label: 'Påminnelse til leietaker', fromDay: 6, actions: ['remind_tenant'] },
    {
      key: 'follow_up',
      label: 'Mer enn én måneds leie eller 30 dager: oppfølger, trepartsmøte og NAV',
      fromDay: 30,
      moreThanMonthsOfRent: 1,
      actions: ['inform_follow_up', 'three_party_meeting', 'nav_contact'],
    },
    { key: 'warning', label: 'Varsel etter tvangsfullbyrdelsesloven § 4-18', fromDay: 60, actions: ['warning_4_18', 'nav_notice_9_11'] },
    { key: 'committee', label: 'Boligutvalget tar stilling til begjæring om fravikelse', afterWarningWait: true, actions: ['committee_decision'] },
  ],
  paymentPlan: { toleranceDays: 3, onBreak: 'warning' },
  warning: { waitDays: 14, receiptDays: 3, navWaitDays: 14 },
};

export const stepIndex = (ladder: RentLadder, key: string | undefined): number => (key ? ladder.steps.findIndex((s) => s.key === key) : -1);
export const warningStepIndex = (ladder: RentLadder): number => ladder.steps.findIndex((s) => s.actions.includes('warning_4_18'));
