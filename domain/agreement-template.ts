import type { Role } from './roles';

/**
 * The municipal follow-up agreement template (oppfølgingsavtale, seed 000): for each situation, the
 * measures and who is responsible, in Norwegian as written. Placeholders in braces are filled per
 * tenancy: {visits} (x pr uke/mnd), {lockedDoorWait} (time before unlocking), {deviationWeeks}.
 * A municipality edits its template by publishing a new version; signed agreements keep their copy.
 */
export const SITUATION_KEYS = [
  'untidy_home',
  'locked_door',
  'locked_door_co_located',
  'drug_use',
  'intoxicated_visitors',
  'threats_or_weapons',
  'burglary_or_damage',
  'missing_rent',
  'neighbour_complaints',
  'declines_follow_up',
] as const;
export type SituationKey = (typeof SITUATION_KEYS)[number];

export interface TemplateMeasure {
  text: string;
  responsible: Role[];
  /** «Vurdere …»: a person records a yes/no decision with a note; nothing happens by itself. */
  assessment?: boolean;
}

export interface TemplateRow {
  key: SituationKey;
  situation: string;
  /** «Fjern dersom dette ikke er aktuelt» */
  optional: boolean;
  measures: TemplateMeasure[];
}

export interface AgreementTemplate {
  version: number;
  rows: TemplateRow[];
}

export const DEFAULT_TEMPLATE: AgreementTemplate = {
  version: 1,
  rows: [
    {
      key: 'untidy_home',
      situation: 'Leiligheten og evt fellesareal skal holdes i orden, jfr. Husordensregler og brannsikkerhet.',
      optional: false,
      measures: [
        { text: 'Hjemmebesøk i boligen {visits}. Oppfølger kan ved behov bistå leietaker med å holde orden i boligen.', responsible: ['tenant', 'follow_up_worker'] },
        { text: 'Ved mislighold av leilighet og fellesarealer vil oppfølger motivere bruker til å følge husordensreglene. Oppfølger kan evt bistå leietaker med å rydde/vaske.', responsible: ['follow_up_worker'] },
        { text: 'Ved skade på boligen skal leietaker/oppfølger gi beskjed til boligkontoret umiddelbart', responsible: ['tenant', 'follow_up_worker'] },
        { text: 'Oppfølger skal etter {deviationWeeks} uker med avvik gi beskjed til boligkontoret', responsible: ['follow_up_worker'] },
        { text: 'Boligtjenesten kaller inn til trepartsamtale for å gjennomgå avtalen, evt. revidere den.', responsible: ['housing_office'] },
        { text: 'Oppfølger kan hjelpe leietaker til å søke om støtte hos NAV for å dekke evt utgifter ved utvask/container.', responsible: ['tenant', 'follow_up_worker'] },
      ],
    },
    {
      key: 'locked_door',
      situation: 'Dersom oppfølger kommer til låst dør ifm avtalt oppfølging.',
      optional: false,
      measures: [
        { text: 'Oppfølger/boligkontoret kan låse seg inn i boligen dersom det ikke oppnås kontakt med leietaker etter {lockedDoorWait}.', responsible: ['tenant', 'follow_up_worker', 'housing_office'] },
        {
          text: 'Forsøke å oppnå kontakt utover dagen. Oppfølger kontakter boligkontoret, vurderes behov for å ta seg inn i boligen dersom det er fare for liv og helse, eller skade på eiendommen. Det vil bli vurdert om det er behov for bistand fra politiet.',
          responsible: ['follow_up_worker', 'housing_office'],
          assessment: true,
        },
      ],
    },
    {
      key: 'locked_door_co_located',
      situation: 'Dersom oppfølger kommer til låst dør i samlokalisert leilighet, ifm medisinutdeling og/eller ifm faste avtaler',
      optional: true,
      measures: [{ text: 'Kan oppfølger låse seg inn i boligen ifm utdeling av medisiner og/eller faste avtaler', responsible: ['tenant', 'follow_up_worker'] }],
    },
    {
      key: 'drug_use',
      situation: 'Ved synlig rusing og/eller salg av rusmidler',
      optional: true,
      measures: [
        { text: 'Prøver å snakke med leietaker og motivere han til å ta imot hjelp. For eksempel se egen kriseplan.', responsible: ['tenant', 'follow_up_worker'] },
        { text: 'Vurdere å gi beskjed til boligkontoret.', responsible: ['follow_up_worker'], assessment: true },
      ],
    },
    {
      key: 'intoxicated_visitors',
      situation: 'Ved besøk av berusede personer i forbindelse med oppfølgingen.',
      optional: true,
      measures: [
        { text: 'Avtalen vurderes avlyst.', responsible: ['follow_up_worker'], assessment: true },
        { text: 'Oppfølger gir beskjed til boligkontoret dersom andre personer oppholder seg i boligen over tid.', responsible: ['follow_up_worker'] },
        { text: 'Vurdere innkallelse til trepartsamtale', responsible: ['housing_office', 'follow_up_worker'], assessment: true },
      ],
    },
    {
      key: 'threats_or_weapons',
      situation: 'Truende atferd og/eller synlige våpen i forbindelse med oppfølgingen.',
      optional: false,
      measures: [
        { text: 'Forlate bolig, bruker blir ikke fulgt opp. Oppfølger gir beskjed til boligkontoret', responsible: ['tenant', 'follow_up_worker'] },
        { text: 'Vurdere å skrive skademelding.', responsible: ['follow_up_worker'], assessment: true },
        { text: 'Vurdere å kontakte politi.', responsible: ['follow_up_worker'], assessment: true },
        { text: 'Vurdere å innkalle til trepartsmøte med beboer, oppfølger og boligjenesten.', responsible: ['follow_up_worker'], assessment: true },
      ],
    },
    {
      key: 'burglary_or_damage',
      situation: 'Innbrudd/ødelagt inventar',
      optional: false,
      measures: [{ text: 'Leietaker bruker sin innboforsikring. Leietaker er selv ansvarlig for å tegne forsikring. Bør tegnes før innflytting.', responsible: ['tenant'] }],
    },
    {
      key: 'missing_rent',
      situation: 'Manglende husleie',
      optional: false,
      measures: [
        { text: 'Boligtjenesten skal informere oppfølger i kommunen dersom husleien er misligholdt i mer enn en måned. Boligtjenesten innkaller til trepartssamtale', responsible: ['housing_office'] },
        { text: 'Vurdere tiltak.', responsible: ['housing_office'], assessment: true },
        {
          text: 'I samlokaliserte boliger skal avd.leder hente inn dette fra regnskap. Avdelingsleder kaller inn til trepartssamtale med leietaker, oppfølger og boligtjenesten. Tiltak vurderes.',
          responsible: ['administrative_officer', 'department_head'],
        },
      ],
    },
    {
      key: 'neighbour_complaints',
      situation: 'Naboklager',
      optional: false,
      measures: [
        { text: 'Boligtjenesten informerer oppfølger og omvendt.', responsible: ['housing_office', 'follow_up_worker'] },
        { text: 'Boligtjenesten kaller inn leietaker og oppfølger til trepartsamtale, leietaker får beskjed om evt. klager.', responsible: ['housing_office'] },
        { text: 'Vurdere behov for tiltak.', responsible: ['tenant', 'follow_up_worker', 'housing_office'], assessment: true },
      ],
    },
    {
      key: 'declines_follow_up',
      situation: 'Leietaker har ikke behov/ønske om videre oppfølging',
      optional: false,
      measures: [{ text: 'Oppfølger informerer boligtjenesten.', responsible: ['follow_up_worker'] }],
    },
  ],
};

export interface VisitFrequency {
  times: number;
  per: 'week' | 'month';
  /** Every N weeks or months (seed 000's «x pr uke/mnd» includes «every second week»); 1 when absent. */
  every?: number;
}

export interface AgreementParameters {
  visitFrequency: VisitFrequency;
  lockedDoorWaitMinutes: number;
  deviationWeeks: number;
}

/** The row as it stands in one tenancy's agreement: placeholders filled, ready to sign. */
export interface AgreementRow {
  key: SituationKey;
  situation: string;
  measures: TemplateMeasure[];
}

export function visitsText(f: VisitFrequency): string {
  const times = `${f.times} ${f.times === 1 ? 'gang' : 'ganger'}`;
  if (f.every && f.every > 1) return `${times} hver ${f.every}. ${f.per === 'week' ? 'uke' : 'måned'}`;
  return `${times} pr ${f.per === 'week' ? 'uke' : 'mnd'}`;
}

function waitText(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} ${minutes === 60 ? 'time' : 'timer'}` : `${minutes} minutter`;
}

/** Copies the template's rows into an agreement: optional rows only if chosen, placeholders filled. */
export function fillAgreementRows(template: AgreementTemplate, chosenOptional: readonly SituationKey[], p: AgreementParameters): AgreementRow[] {
  const fill = (text: string) =>
    text
      .replace('{visits}', visitsText(p.visitFrequency))
      .replace('{lockedDoorWait}', waitText(p.lockedDoorWaitMinutes))
      .replace('{deviationWeeks}', String(p.deviationWeeks));
  return template.rows
    .filter((row) => !row.optional || chosenOptional.includes(row.key))
    .map((row) => ({ key: row.key, situation: row.situation, measures: row.measures.map((m) => ({ ...m, text: fill(m.text) })) }));
}
