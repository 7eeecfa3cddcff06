import type { LetterKind, LetterLanguage } from './kinds';

/**
 * A letter template: a title and paragraphs with `{{field}}` placeholders. A municipality publishes
 * its own versions per kind and language; a letter keeps the version it was filled from, so an
 * archived letter can always be rendered again exactly as sent.
 */
export interface LetterTemplate {
  kind: LetterKind;
  language: LetterLanguage;
  /** 0 for the defaults below; a municipality's versions count from 1. */
  version: number;
  title: string;
  paragraphs: string[];
}

type Texts = Record<LetterKind, { title: string; paragraphs: string[] }>;

/*
 * Plain language (språklova § 9): short sentences, "du", the consequence first, the law named but
 * not quoted. The legal content each letter must carry is noted above it.
 */
const NB: Texts = {
  // § 4-18: written demand, the two-week wait; § 13-2(3)(a): paying everything before the eviction stops it.
  eviction_warning: {
    title: 'Varsel om begjæring om utkastelse',
    paragraphs: [
      'Hei {{recipient}}.',
      'Du skylder {{arrears}} i husleie for {{arrearsPeriod}}.',
      'Hvis du ikke betaler hele beløpet innen to uker etter at du fikk dette brevet, kan vi be namsmannen om å kaste deg ut av boligen (fravikelse). Dette varselet gis etter tvangsfullbyrdelsesloven § 4-18.',
      'Betal til konto {{accountNumber}} og bruk KID {{kid}}.',
      'Selv om vi har bedt om utkastelse, blir den stoppet hvis du betaler husleien, renter og kostnader før utkastelsen skjer.',
      'Kan du ikke betale alt nå? Ta kontakt med oss så snart du kan. Vi kan avtale en betalingsplan, og NAV kan kanskje hjelpe deg.',
    ],
  },
  // § 9-11: the tenant gets a copy of the notice to NAV; the tenant may refuse such notices in writing.
  nav_notice_copy: {
    title: 'Kopi av varsel til NAV',
    paragraphs: [
      'Hei {{recipient}}.',
      'Du skylder {{arrears}} i husleie. Den {{noticeDate}} sendte vi et varsel om dette til {{navOffice}}, slik husleieloven § 9-11 gir oss lov til. Dette brevet er din kopi.',
      'Vi varsler NAV for at du skal kunne få hjelp, slik at du kan bli boende. Vi venter minst to uker etter varselet før vi ber om utkastelse.',
      'Du kan skrive til oss at du ikke vil at vi sender slike varsler til NAV. Da sender vi ikke flere.',
    ],
  },
  // § 9-7: written, reasoned, the right to object in writing within one month, and what happens if not.
  landlord_notice: {
    title: 'Oppsigelse av leieavtalen',
    paragraphs: [
      'Hei {{recipient}}.',
      'Vi sier opp leieavtalen din. Leieforholdet slutter {{moveOutDate}}, og da må du ha flyttet ut.',
      'Grunnen til oppsigelsen: {{reason}}',
      'Du kan protestere skriftlig til oss innen én måned etter at du fikk dette brevet. Hvis du ikke protesterer i tide, mister du retten til å få saken prøvd, og du må flytte. Hvis du protesterer, må vi bringe saken inn for Husleietvistutvalget eller retten innen tre måneder, ellers faller oppsigelsen bort.',
      'Oppsigelsen gis etter husleieloven §§ 9-5 til 9-8.',
    ],
  },
  // § 11-1: the tenant must be told in writing at signing why the lease is shorter and has fewer rights.
  short_lease_reason: {
    title: 'Hvorfor leieavtalen din er kortere enn tre år',
    paragraphs: [
      'Hei {{recipient}}.',
      'Leieavtalen din gjelder fra {{leaseStart}} til {{leaseEnd}}. Vanligvis må en tidsbestemt leieavtale vare i minst tre år.',
      'Kommunen kan gi kortere leieavtaler til dem som trenger hjelp til å skaffe seg bolig (husleieloven § 11-1). Grunnen i din sak: {{reason}}',
      'Før leieavtalen slutter, vurderer vi sammen med deg om du kan få en ny avtale, eller om du trenger hjelp til å finne en annen bolig.',
    ],
  },
  // fvl. §§ 24–27: reasons (rules, facts, assessment), the appeal right, the 3-week deadline, where to
  // send the appeal, the right to see the case documents (§§ 18–19) and to ask for a delay (§ 42).
  decision: {
    title: 'Vedtak: {{subject}}',
    paragraphs: [
      'Hei {{recipient}}.',
      'Vedtak: {{decision}}',
      'Begrunnelse: {{reasons}}',
      'Vedtaket bygger på: {{legalBasis}}',
      'Du kan klage. Fristen er tre uker fra du fikk dette brevet. Send klagen til {{municipality}}. Skriv hvilket vedtak du klager på, hva du vil ha endret, og gjerne hvorfor. Hvis vi ikke gir deg medhold, sender vi klagen videre til {{appealBody}}, som avgjør den.',
      'Du har rett til å se dokumentene i saken din (forvaltningsloven §§ 18 og 19). Du kan også be om at vedtaket ikke settes i verk før klagen er avgjort (forvaltningsloven § 42).',
      'Trenger du hjelp til å klage, kan du ta kontakt med oss.',
    ],
  },
  // Husbanken: the municipality must give the tenant a monthly settlement; allowance pays only its own month.
  allowance_settlement: {
    title: 'Avregning av husleie og bostøtte for {{period}}',
    paragraphs: [
      'Hei {{recipient}}.',
      'Bostøtten din blir betalt til kommunen, slik du har samtykket til. Her er oversikten for {{period}}:',
      'Husleie: {{rent}}. Bostøtte betalt til kommunen: {{allowance}}. Din del å betale: {{ownShare}}.',
      'Bostøtten dekker bare husleien for samme måned, aldri gammel gjeld. Du kan når som helst trekke tilbake samtykket. Da blir bostøtten betalt til deg.',
    ],
  },
  neighbour_complaint: {
    title: 'Vi har fått klage fra naboer',
    paragraphs: [
      'Hei {{recipient}}.',
      'Den {{complaintDate}} fikk vi en klage som gjelder boligen din: {{summary}}',
      'Vi vil gjerne høre hva du mener, og finne en løsning sammen med deg. Ta kontakt med oss.',
      'Hvis det kommer flere klager av samme slag, kan det få følger for leieforholdet ditt. Vi gir deg da en skriftlig advarsel først.',
    ],
  },
  three_party_meeting: {
    title: 'Innkalling til møte',
    paragraphs: [
      'Hei {{recipient}}.',
      'Vi inviterer deg til et møte med kommunen og NAV den {{meetingDate}} klokka {{meetingTime}}, {{location}}.',
      'Møtet skal handle om: {{purpose}}',
      'Du kan ta med deg en du stoler på. Passer tidspunktet ikke, ring oss, så finner vi et nytt.',
    ],
  },
};

/** Nynorsk, for the municipalities that have chosen it as their administrative language (språklova § 6). */
const NN: Texts = {
  eviction_warning: {
    title: 'Varsel om krav om utkasting',
    paragraphs: [
      'Hei {{recipient}}.',
      'Du skuldar {{arrears}} i husleige for {{arrearsPeriod}}.',
      'Viss du ikkje betaler heile beløpet innan to veker etter at du fekk dette brevet, kan vi be namsmannen om å kaste deg ut av bustaden (fråviking). Dette varselet blir gitt etter tvangsfullbyrdelsesloven § 4-18.',
      'Betal til konto {{accountNumber}} og bruk KID {{kid}}.',
      'Sjølv om vi har bede om utkasting, blir ho stoppa viss du betaler husleiga, renter og kostnader før utkastinga skjer.',
      'Kan du ikkje betale alt no? Ta kontakt med oss så snart du kan. Vi kan avtale ein betalingsplan, og NAV kan kanskje hjelpe deg.',
    ],
  },
  nav_notice_copy: {
    title: 'Kopi av varsel til NAV',
    paragraphs: [
      'Hei {{recipient}}.',
      'Du skuldar {{arrears}} i husleige. Den {{noticeDate}} sende vi eit varsel om dette til {{navOffice}}, slik husleieloven § 9-11 gir oss lov til. Dette brevet er kopien din.',
      'Vi varslar NAV for at du skal kunne få hjelp, slik at du kan bli buande. Vi ventar minst to veker etter varselet før vi ber om utkasting.',
      'Du kan skrive til oss at du ikkje vil at vi sender slike varsel til NAV. Då sender vi ikkje fleire.',
    ],
  },
  landlord_notice: {
    title: 'Oppseiing av leigeavtalen',
    paragraphs: [
      'Hei {{recipient}}.',
      'Vi seier opp leigeavtalen din. Leigeforholdet sluttar {{moveOutDate}}, og då må du ha flytta ut.',
      'Grunnen til oppseiinga: {{reason}}',
      'Du kan protestere skriftleg til oss innan éin månad etter at du fekk dette brevet. Viss du ikkje protesterer i tide, mistar du retten til å få saka prøvd, og du må flytte. Viss du protesterer, må vi bringe saka inn for Husleietvistutvalet eller retten innan tre månader, elles fell oppseiinga bort.',
      'Oppseiinga blir gitt etter husleieloven §§ 9-5 til 9-8.',
    ],
  },
  short_lease_reason: {
    title: 'Kvifor leigeavtalen din er kortare enn tre år',
    paragraphs: [
      'Hei {{recipient}}.',
      'Leigeavtalen din gjeld frå {{leaseStart}} til {{leaseEnd}}. Vanlegvis må ein tidsbestemd leigeavtale vare i minst tre år.',
      'Kommunen kan gi kortare leigeavtalar til dei som treng hjelp til å skaffe seg bustad (husleieloven § 11-1). Grunnen i saka di: {{reason}}',
      'Før leigeavtalen sluttar, vurderer vi saman med deg om du kan få ein ny avtale, eller om du treng hjelp til å finne ein annan bustad.',
    ],
  },
  decision: {
    title: 'Vedtak: {{subject}}',
    paragraphs: [
      'Hei {{recipient}}.',
      'Vedtak: {{decision}}',
      'Grunngiving: {{reasons}}',
      'Vedtaket byggjer på: {{legalBasis}}',
      'Du kan klage. Fristen er tre veker frå du fekk dette brevet. Send klaga til {{municipality}}. Skriv kva vedtak du klagar på, kva du vil ha endra, og gjerne kvifor. Viss vi ikkje gir deg medhald, sender vi klaga vidare til {{appealBody}}, som avgjer ho.',
      'Du har rett til å sjå dokumenta i saka di (forvaltningsloven §§ 18 og 19). Du kan også be om at vedtaket ikkje blir sett i verk før klaga er avgjord (forvaltningsloven § 42).',
      'Treng du hjelp til å klage, kan du ta kontakt med oss.',
    ],
  },
  allowance_settlement: {
    title: 'Avrekning av husleige og bustøtte for {{period}}',
    paragraphs: [
      'Hei {{recipient}}.',
      'Bustøtta di blir betalt til kommunen, slik du har samtykt til. Her er oversikta for {{period}}:',
      'Husleige: {{rent}}. Bustøtte betalt til kommunen: {{allowance}}. Din del å betale: {{ownShare}}.',
      'Bustøtta dekkjer berre husleiga for same månad, aldri gammal gjeld. Du kan når som helst trekkje tilbake samtykket. Då blir bustøtta betalt til deg.',
    ],
  },
  neighbour_complaint: {
    title: 'Vi har fått klage frå naboar',
    paragraphs: [
      'Hei {{recipient}}.',
      'Den {{complaintDate}} fekk vi ei klage som gjeld bustaden din: {{summary}}',
      'Vi vil gjerne høyre kva du meiner, og finne ei løysing saman med deg. Ta kontakt med oss.',
      'Viss det kjem fleire klager av same slag, kan det få følgjer for leigeforholdet ditt. Vi gir deg då ei skriftleg åtvaring først.',
    ],
  },
  three_party_meeting: {
    title: 'Innkalling til møte',
    paragraphs: [
      'Hei {{recipient}}.',
      'Vi inviterer deg til eit møte med kommunen og NAV den {{meetingDate}} klokka {{meetingTime}}, {{location}}.',
      'Møtet skal handle om: {{purpose}}',
      'Du kan ta med deg nokon du stoler på. Passar ikkje tidspunktet, ring oss, så finn vi eit nytt.',
    ],
  },
};

export function defaultLetterTemplate(kind: LetterKind, language: LetterLanguage): LetterTemplate {
  const text = (language === 'nn' ? NN : NB)[kind];
  return { kind, language, version: 0, title: text.title, paragraphs: [...text.paragraphs] };
}
