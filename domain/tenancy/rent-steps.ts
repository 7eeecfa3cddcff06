import { addDays, compareDates, deadline, type IsoDate } from '../calendar';
import type { LadderAction } from '../rent/ladder';
import { formatKroner, type LedgerSummary } from '../rent/ledger';
import { dateLabel, periodLabel } from '../rent/schedule';
import type { Role } from '../roles';
import { queueLetter } from './case-letters';
import type { ArrearsEpisode, PendingNotice } from './rent';
import { addRecord, currentLease, hasFeature, openTask, type TenancyState } from './state';

/**
 * What each step of the arrears ladder does: the letters, notices and tasks behind the vocabulary in
 * domain/rent/ladder.ts. Split from rent.ts, which decides when a step is taken.
 */

const coLocated = (state: TenancyState): boolean => state.offers?.findLast((o) => o.answer === 'accepted')?.dwelling.coLocated ?? false;

function contacted(episode: ArrearsEpisode, today: IsoDate): void {
  episode.firstContactDate ??= today;
}

export function queueNotice(state: TenancyState, notice: PendingNotice): void {
  (state.unsentNotices ??= []).push(notice);
  state.version++;
}

/** Each action returns one sentence for the timeline. */
export function takeAction(state: TenancyState, action: LadderAction, summary: LedgerSummary, now: number, today: IsoDate): string {
  const rent = state.rent!;
  const episode = rent.episode!;
  const key = `${state.caseId}#rent#${episode.firstMissedDueDate}#${action}`;
  const amount = formatKroner(summary.overdueOre);
  const headOrWorker: Role = coLocated(state) ? 'department_head' : 'follow_up_worker';
  const coLocatedRoles = coLocated(state) && hasFeature(state, 'co-located-rent-roles');
  switch (action) {
    case 'remind_tenant':
      contacted(episode, today);
      queueNotice(state, {
        key,
        to: 'tenant',
        subject: 'Påminnelse: husleien er ikke betalt',
        body: [
          `Vi har ikke mottatt hele husleien. Det som er forfalt er ${amount}, og den eldste ubetalte husleien forfalt ${summary.oldestUnpaidDueDate}.`,
          `Betal så snart du kan, med KID ${rent.kid}. Har du betalt de siste dagene, kan du se bort fra denne påminnelsen.`,
          'Hvis du ikke klarer å betale, ta kontakt med oss eller oppfølgeren din. Da finner vi en løsning sammen, for eksempel en betalingsordning.',
        ].join('\n\n'),
      });
      return 'Påminnelse er sendt til leietaker.';
    case 'inform_follow_up':
      contacted(episode, today);
      if (coLocatedRoles) {
        // Seed 000, «Manglende husleie» in co-located housing: the department head fetches the arrears
        // from the accounts and calls the meeting; the administrative officer informs the follow-up worker.
        queueNotice(state, {
          key,
          to: 'administrative_officer',
          subject: `Husleierestanse i sak ${state.caseId}`,
          body: `Husleien i sak ${state.caseId} har vært ubetalt i ${summary.arrearsAgeDays} dager. Forfalt beløp er ${amount}. Informer oppfølgeren. Avdelingsleder henter restansen fra regnskapet og kaller inn til trepartsmøte.`,
        });
        openTask(state, now, {
          id: 'rent-follow-up',
          kind: 'rent_follow_up',
          title: `Informer oppfølgeren om husleierestansen (${amount})`,
          role: 'administrative_officer',
          dueDate: deadline(today, { weeks: 1 }),
        });
        openTask(state, now, {
          id: 'rent-fetch-arrears',
          kind: 'rent_follow_up',
          title: 'Hent inn restansen fra regnskapet før trepartsmøtet',
          role: 'department_head',
          dueDate: deadline(today, { weeks: 1 }),
        });
        return 'Administrasjonskonsulent er informert og skal informere oppfølgeren; avdelingsleder henter restansen fra regnskapet.';
      }
      queueNotice(state, {
        key,
        to: headOrWorker,
        subject: `Husleierestanse i sak ${state.caseId}`,
        body: `Husleien i sak ${state.caseId} har vært ubetalt i ${summary.arrearsAgeDays} dager. Forfalt beløp er ${amount}. Boligtjenesten kaller inn til trepartsmøte.`,
      });
      openTask(state, now, {
        id: 'rent-follow-up',
        kind: 'rent_follow_up',
        title: `Følg opp husleierestansen (${amount}) sammen med leietaker`,
        role: headOrWorker,
        ...(headOrWorker === 'follow_up_worker' && state.followUpWorkerId ? { assigneeId: state.followUpWorkerId } : {}),
        dueDate: deadline(today, { weeks: 1 }),
      });
      return `${headOrWorker === 'department_head' ? 'Avdelingsleder' : 'Oppfølger'} er informert og har fått en oppgave.`;
    case 'three_party_meeting':
      openTask(state, now, {
        id: 'rent-three-party-meeting',
        kind: 'rent_three_party_meeting',
        title: 'Kall inn til trepartsmøte om husleierestansen (leietaker, oppfølger, boligtjenesten)',
        ...(coLocatedRoles ? { role: 'department_head' as const } : { role: 'housing_officer' as const, ...(state.housingOfficerId ? { assigneeId: state.housingOfficerId } : {}) }),
        dueDate: deadline(today, { weeks: 2 }),
      });
      return coLocatedRoles ? 'Avdelingsleder skal kalle inn til trepartsmøte.' : 'Trepartsmøte skal kalles inn.';
    case 'nav_contact':
      contacted(episode, today);
      openTask(state, now, {
        id: 'rent-nav-contact',
        kind: 'rent_nav_contact',
        title: 'Kontakt NAV sammen med leietaker om økonomisk stønad og råd',
        role: headOrWorker,
        ...(headOrWorker === 'follow_up_worker' && state.followUpWorkerId ? { assigneeId: state.followUpWorkerId } : {}),
        dueDate: deadline(today, { weeks: 1 }),
      });
      return 'NAV skal kontaktes om økonomisk hjelp og råd.';
    case 'warning_4_18': {
      // § 4-18: at the earliest on the due date; an eviction request at the earliest two weeks after
      // it was sent, counted here from the assumed receipt, the later of the two readings.
      const { waitDays, receiptDays } = rent.ladder.warning;
      const earliest = deadline(addDays(today, receiptDays), { days: waitDays });
      episode.warning = { sentDate: today, amountOre: summary.overdueOre, earliestEvictionRequest: earliest };
      queueNotice(state, { key, to: 'tenant', subject: 'Varsel om tvangsfravikelse (tvangsfullbyrdelsesloven § 4-18)', body: warningLetter(state, summary, earliest) });
      addRecord(state, { kind: 'rent_warning', key: episode.firstMissedDueDate, data: { ...episode.warning } });
      const letters = hasFeature(state, 'ladder-makes-letters');
      if (letters) {
        // Issue 16: the ladder makes the letter itself, queued for registered post; the clerk's
        // dispatch (date, tracking number) tells the case, and the two weeks count from receipt.
        queueLetter(state, {
          key: `${key}#letter`,
          kind: 'eviction_warning',
          channel: 'registered_post',
          date: today,
          fields: { arrears: summary.overdueOre, arrearsPeriod: overdueMonths(summary), kid: rent.kid },
          purpose: { type: 'rent_warning' },
        });
      }
      openTask(state, now, {
        id: 'rent-warning-letter',
        kind: 'rent_warning_letter',
        title: letters
          ? 'Varselet etter § 4-18 ligger i utskriftskøen: send det rekommandert og registrer sendingen med sporingsnummer'
          : 'Send varselet etter § 4-18 også rekommandert per post, og noter datoen',
        role: 'housing_officer',
        ...(state.housingOfficerId ? { assigneeId: state.housingOfficerId } : {}),
        dueDate: deadline(today, { days: 2 }),
      });
      return `Varsel etter § 4-18 er sendt. Begjæring om fravikelse kan tidligst sendes ${earliest}.`;
    }
    case 'nav_notice_9_11': {
      if (rent.navNoticeRefusedDate) return `Varsel til NAV etter § 9-11 er ikke sendt: leietaker har reservert seg skriftlig (${rent.navNoticeRefusedDate}).`;
      const warning = episode.warning;
      const navEarliest = deadline(today, { days: rent.ladder.warning.navWaitDays });
      if (warning && compareDates(navEarliest, warning.earliestEvictionRequest) > 0) warning.earliestEvictionRequest = navEarliest;
      if (warning) warning.navNoticeDate = today;
      if (!hasFeature(state, 'nav-notice-9-11-content')) {
        const body = `Husleieloven § 9-11: Leietaker i sak ${state.caseId} har ubetalt husleie på ${amount}, og leieforholdet kan føre til fravikelse. Utleier venter minst to uker før begjæring om fravikelse sendes. Leietaker har fått kopi av dette varselet.`;
        queueNotice(state, { key, to: 'nav', subject: `Varsel etter husleieloven § 9-11, sak ${state.caseId}`, body });
        queueNotice(state, { key: `${key}#copy`, to: 'tenant', subject: 'Kopi: varsel til NAV etter husleieloven § 9-11', body });
        return 'Varsel til NAV etter § 9-11 er sendt, med kopi til leietaker.';
      }
      const body = navNotice911Text(state, summary, warning?.earliestEvictionRequest ?? navEarliest);
      // The activity adds the housing office's name and address from the municipality's contacts.
      queueNotice(state, { key, to: 'nav', subject: `Varsel etter husleieloven § 9-11, sak ${state.caseId}`, body, contactRole: 'housing_office' });
      queueNotice(state, { key: `${key}#copy`, to: 'tenant', subject: 'Kopi: varsel til NAV etter husleieloven § 9-11', body, contactRole: 'housing_office' });
      if (hasFeature(state, 'ladder-makes-letters')) {
        // The tenant's copy on paper too: an e-mail may not reach them, and § 9-11 asks that they get it.
        queueLetter(state, { key: `${key}#copy-letter`, kind: 'nav_notice_copy', channel: 'post', date: today, fields: { arrears: summary.overdueOre, noticeDate: today } });
      }
      return 'Varsel til NAV etter § 9-11 er sendt, med kopi til leietaker.';
    }
    case 'committee_decision':
      episode.committee = { requestedDate: today };
      openTask(state, now, {
        id: 'rent-committee',
        kind: 'committee_item',
        title: `Boligutvalget må ta stilling til begjæring om fravikelse (restanse ${amount})`,
        role: 'housing_office',
        dueDate: deadline(today, { weeks: 2 }),
      });
      return 'Saken er satt opp for boligutvalget. Ingen begjæring om fravikelse sendes uten utvalgets vedtak.';
  }
}

/** «januar 2027 og februar 2027»: the months with rent overdue, for the § 4-18 letter. */
function overdueMonths(summary: LedgerSummary): string {
  const months = summary.charges.filter((c) => c.outstandingOre > 0 && compareDates(c.dueDate, summary.asOf) < 0).map((c) => periodLabel(c.period));
  if (months.length <= 1) return months[0] ?? 'tidligere måneder';
  return `${months.slice(0, -1).join(', ')} og ${months.at(-1)}`;
}

/** The dwelling's address: the current lease's dwelling, as offered and accepted. */
function dwellingAddress(state: TenancyState): string | undefined {
  const accepted = (state.offers ?? []).filter((o) => o.answer === 'accepted');
  const leased = currentLease(state)?.dwellingId;
  return (accepted.findLast((o) => o.dwelling.id === leased) ?? accepted.at(-1))?.dwelling.address;
}

/**
 * Husleieloven § 9-11: a notice NAV can act on without asking back. It names the tenant and the
 * dwelling, what is owed and for which months, the earliest day an eviction may be requested, and
 * (added by the activity) whom to contact in the municipality. The tenant gets the same text as a copy.
 */
export function navNotice911Text(state: TenancyState, summary: LedgerSummary, earliestEvictionRequest: IsoDate): string {
  const months = summary.charges
    .filter((c) => c.outstandingOre > 0 && compareDates(c.dueDate, summary.asOf) < 0)
    .map((c) => `${periodLabel(c.period)} (${formatKroner(c.outstandingOre)})`);
  return [
    'Varsel etter husleieloven § 9-11 om mislighold som kan føre til fravikelse.',
    `Leietaker: ${state.application.applicant.name}`,
    `Bolig: ${dwellingAddress(state) ?? 'adressen står i saken'}`,
    `Ubetalt husleie: ${formatKroner(summary.overdueOre)} for ${months.join(', ')}`,
    `Begjæring om fravikelse kan tidligst sendes ${dateLabel(earliestEvictionRequest)} (${earliestEvictionRequest}).`,
    `Saksnummer hos kommunen: ${state.caseId}`,
    'Leietaker har fått kopi av dette varselet. NAV kan kontakte leietaker om økonomisk stønad og råd.',
  ].join('\n');
}

function warningLetter(state: TenancyState, summary: LedgerSummary, earliest: IsoDate): string {
  return [
    `Du skylder ${formatKroner(summary.overdueOre)} i husleie. Den eldste ubetalte husleien forfalt ${summary.oldestUnpaidDueDate}.`,
    `Dette er et varsel etter tvangsfullbyrdelsesloven § 4-18. Hvis beløpet ikke er betalt innen to uker etter at du har mottatt varselet, kan kommunen begjære tvangsfravikelse (utkastelse) fra ${earliest} eller senere.`,
    'Betaler du husleien, renter og kostnader før fravikelsen er gjennomført, stanser saken.',
    `Betal med KID ${state.rent!.kid}. Ta kontakt med oss eller oppfølgeren din hvis du trenger hjelp, også om betalingsordning eller økonomisk hjelp fra NAV.`,
  ].join('\n\n');
}
