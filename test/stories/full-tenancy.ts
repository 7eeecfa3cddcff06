import { expect } from 'vitest';
import { addDays, addMonths, addYears, compareDates, type IsoDate } from '../../domain/calendar';
import type { Dwelling } from '../../domain/dwelling';
import { DEFAULT_CHECKLIST_ITEMS } from '../../domain/tenancy/policy';
import type { CaseActionPayload } from '../../domain/tenancy/actions';
import type { TenancyView } from '../../domain/tenancy/view';
import { interview } from '../helpers/fixtures';
import { renewalAssessmentDate } from '../../domain/tenancy/timers';

export type StoryActor = 'officer' | 'followUpWorker';

/** How a story reaches a tenancy: straight through the Temporal client, or through HTTP only. */
export interface StoryDriver {
  today(): Promise<IsoDate>;
  /** Lets time pass (time skipping) until 10:00 Oslo time on `date`. */
  sleepUntil(date: IsoDate): Promise<void>;
  act(payload: CaseActionPayload, as?: StoryActor): Promise<{ message: string }>;
  /** Expects the action to be refused; returns the refusal. */
  refused(payload: CaseActionPayload, as?: StoryActor): Promise<string>;
  view(): Promise<TenancyView>;
  /**
   * The tenant pays rent, as the finance system reports it; returns the credit the rent account (the
   * ledger) shows right after. A case with nothing overdue is not woken by a payment
   * (domain/tenancy/payment-wake.ts): its own state sees the payment at its next rent check.
   */
  payRent(amountOre: number): Promise<number>;
}

export const DWELLINGS: Record<'tooSmall' | 'fits', Dwelling> = {
  tooSmall: { id: 'TYN-0107', address: 'Parkvegen 3A', sizeSqm: 34, rooms: 1, floor: 2, accessible: false, coLocated: false, monthlyRentOre: 780_000 },
  fits: { id: 'TYN-0212', address: 'Storgata 12B', sizeSqm: 58, rooms: 2, floor: 1, accessible: true, coLocated: false, monthlyRentOre: 915_000 },
};

/** Tynset's own item on the move-in checklist, set as municipal policy before the case starts. */
export const MUNICIPAL_CHECKLIST_ITEM = { id: 'bod-og-postkasse', label: 'Bod i kjelleren og postkassenøkkel er vist' };

const taskIds = (v: TenancyView) => v.tasks.map((t) => t.id).sort();

/**
 * Application, two interviews, decision, a declined then an accepted offer, lease, checklist,
 * agreement, three years of monthly visits with one missed, yearly ownership dialogues, evaluation,
 * renewal, a second lease period, notice, move-out inspection and settlement.
 */
export async function runFullTenancyStory(d: StoryDriver): Promise<{ view: TenancyView; missedWindowStart: IsoDate }> {
  const received = await d.today();
  let v = await d.view();
  expect(v.phase).toBe('application');
  expect(taskIds(v)).toEqual(['mapping-interview']);

  // Phase 1: two interviews, a decision, a declined offer and an accepted one.
  await d.act(interview(received));
  await d.act({ ...interview(received), interview: { ...interview(received).interview, monthlyIncomeOre: 2_400_000, notes: 'Andre samtale: økonomi gjennomgått' } });
  v = await d.view();
  expect(v.interviews).toHaveLength(2);
  expect(taskIds(v)).toEqual(['decision']);
  expect(await d.refused({ type: 'signLease', lease: { startDate: received, signedDate: received } })).toBe(
    'Leiekontrakt kan bare signeres etter at et botilbud er akseptert.',
  );

  await d.act({ type: 'recordDecision', outcome: 'approved', date: received, reference: 'VEDTAK-2026-118' });
  v = await d.view();
  expect(v.phase).toBe('allocation');
  expect(taskIds(v)).toEqual(['offer-dwelling']);

  const firstOffer = await d.act({ type: 'offerDwelling', dwelling: DWELLINGS.tooSmall });
  expect(firstOffer.message).toContain('Boligen har 1 rom, men kartleggingen viser behov for 2.');
  expect(taskIds(await d.view())).toEqual(['offer-answer']);
  await d.act({ type: 'answerOffer', accepted: false, date: received, reason: 'For liten for mor og barn' });
  v = await d.view();
  expect(v.phase).toBe('allocation');
  expect(taskIds(v)).toEqual(['offer-dwelling']);

  const secondOffer = await d.act({ type: 'offerDwelling', dwelling: DWELLINGS.fits });
  expect(secondOffer.message).toContain('Husleien (9');
  await d.act({ type: 'answerOffer', accepted: true, date: received });
  v = await d.view();
  expect(v.phase).toBe('lease');
  expect(v.monthlyRentOre).toBe(915_000);
  expect(taskIds(v)).toEqual(['follow-up-agreement', 'house-rules', 'housing-allowance', 'move-in-checklist', 'sign-lease']);

  // Phase 2: lease, house rules, checklist, housing allowance, agreement, move-in.
  const leaseStart = addDays(received, 14);
  expect(await d.refused({ type: 'recordMoveIn', moveInDate: leaseStart })).toBe('Leiekontrakten må signeres før innflytting.');
  expect(await d.refused({ type: 'signLease', lease: { startDate: leaseStart, endDate: addYears(leaseStart, 1), signedDate: received } })).toMatch(/§ 11-1/);
  await d.act({ type: 'signLease', lease: { startDate: leaseStart, signedDate: received, depositOre: 2_745_000 } });
  const firstLeaseEnd = addDays(addYears(leaseStart, 3), -1);
  expect((await d.view()).leases?.[0]).toMatchObject({ startDate: leaseStart, endDate: firstLeaseEnd, monthlyRentOre: 915_000 });

  await d.act({ type: 'reviewHouseRules', language: 'norsk', reviewedDate: received });
  expect(await d.refused({ type: 'signChecklist', signedDate: received })).toMatch(/^Sjekklisten kan ikke signeres før alle punktene er bekreftet/);
  await d.act({ type: 'confirmChecklistItems', itemIds: DEFAULT_CHECKLIST_ITEMS.slice(0, 3).map((i) => i.id), date: received });
  // The rest of the list, the municipality's own items included, as the case holds it.
  const unconfirmed = (await d.view()).checklist!.items.filter((i) => !i.confirmedDate);
  expect(unconfirmed.map((i) => i.id)).toContain(MUNICIPAL_CHECKLIST_ITEM.id);
  expect(await d.refused({ type: 'signChecklist', signedDate: received })).toContain(MUNICIPAL_CHECKLIST_ITEM.label);
  await d.act({ type: 'confirmChecklistItems', itemIds: unconfirmed.map((i) => i.id), date: received });
  await d.act({ type: 'signChecklist', signedDate: received });
  await d.act({ type: 'recordHousingAllowance', status: 'granted', assignmentDeclarationSigned: true, date: received });
  await d.act({
    type: 'createAgreement',
    terms: { followUpWorkerId: 'ola.hansen', optionalRows: ['drug_use'], visitFrequency: { times: 1, per: 'month' }, lockedDoorWaitMinutes: 30, deviationWeeks: 2 },
  });
  v = await d.view();
  expect(v.agreements?.[0]).toMatchObject({ version: 1, status: 'draft', validUntil: firstLeaseEnd });
  expect(v.agreements?.[0]?.rows.map((r) => r.key)).toEqual([
    'untidy_home', 'locked_door', 'drug_use', 'threats_or_weapons', 'burglary_or_damage', 'missing_rent', 'neighbour_complaints', 'declines_follow_up',
  ]);
  expect(v.agreements?.[0]?.rows[0]?.measures[0]?.text).toBe('Hjemmebesøk i boligen 1 gang pr mnd. Oppfølger kan ved behov bistå leietaker med å holde orden i boligen.');
  expect(taskIds(v)).toEqual(['follow-up-agreement', 'sign-agreement-follow_up_worker', 'sign-agreement-housing_officer', 'sign-agreement-tenant']);
  expect(await d.refused({ type: 'recordMoveIn', moveInDate: leaseStart })).toBe('Oppfølgingsavtalen må signeres av alle tre parter før innflytting.');
  await d.act({ type: 'signAgreement', party: 'tenant', date: received });
  await d.act({ type: 'signAgreement', party: 'follow_up_worker', date: received }, 'followUpWorker');
  await d.act({ type: 'signAgreement', party: 'housing_officer', date: received });
  expect((await d.view()).agreements?.[0]?.status).toBe('active');
  expect(taskIds(await d.view())).toEqual([]);

  await d.sleepUntil(leaseStart);
  await d.act({ type: 'recordMoveIn', moveInDate: leaseStart });
  // Rent is not what this story is about: the tenant pays the whole tenancy ahead (the ladder has its own tests).
  await expect.poll(async () => (await d.view()).rent?.balance?.balanceOre ?? 0).toBeGreaterThan(0);
  expect(await d.payRent(45 * 915_000)).toBeGreaterThan(0);
  v = await d.view();
  expect(v.rent?.episode).toBeUndefined();
  expect(v.phase).toBe('follow_up');
  expect(v.followUp?.window).toMatchObject({ start: leaseStart, end: addMonths(leaseStart, 1), required: 1, visits: 0 });
  // Nobody owes anything now; the case waits for its own timers: rent checks, the visit window, the dialogue, the renewal.
  expect(v.waitingFor.tasks).toEqual([]);
  expect(v.waitingFor.timers.map((t) => t.reason).filter((r) => !r.startsWith('Husleie'))).toEqual([
    `Besøksperioden ${leaseStart}–${addDays(addMonths(leaseStart, 1), -1)} avsluttes (0 av 1 besøk)`,
    'Årlig samtale om eid bolig',
    `Vurdering av fornyelse starter (${renewalAssessmentDate(firstLeaseEnd, 3)})`,
  ]);

  // Phase 3: monthly visits for three years, one month missed; yearly ownership dialogues.
  const renewalStarts = renewalAssessmentDate(firstLeaseEnd, 3);
  const missedWindowStart = addMonths(leaseStart, 4);
  let month = 0;
  for (; compareDates(addMonths(leaseStart, month), renewalStarts) < 0; month++) {
    const windowStart = addMonths(leaseStart, month);
    await d.sleepUntil(addDays(windowStart, 3));
    v = await d.view();
    expect(v.followUp?.window?.start).toBe(windowStart);
    if (windowStart === addMonths(leaseStart, 5)) {
      // The month before had no visit: a deviation the follow-up worker sees, with a task.
      expect(v.followUp?.missedWindows).toBe(1);
      const missed = v.tasks.find((t) => t.id === `missed-visit-${missedWindowStart}`);
      expect(missed).toMatchObject({ role: 'follow_up_worker', assigneeId: 'ola.hansen' });
      await d.act({ type: 'completeTask', taskId: missed!.id, note: 'Leietaker var innlagt; nytt besøk avtalt.' }, 'followUpWorker');
    }
    if (windowStart === missedWindowStart) continue;
    if (v.tasks.some((t) => t.id === 'ownership-dialogue')) {
      await d.act({ type: 'recordOwnershipDialogue', date: addDays(windowStart, 3), outcome: 'not_now', note: 'Økonomien er ikke klar ennå.' });
    }
    await d.act({ type: 'recordVisit', date: addDays(windowStart, 3), outcome: 'completed' }, 'followUpWorker');
  }
  expect(month).toBe(33);
  v = await d.view();
  expect(v.followUp?.missedWindows).toBe(1);
  expect(v.followUp?.visits).toHaveLength(32);

  // Renewal: the assessment and the evaluation open three months before the lease ends.
  await d.sleepUntil(renewalStarts);
  v = await d.view();
  expect(v.renewal?.assessmentOpened).toBe(renewalStarts);
  expect(taskIds(v)).toEqual(['agreement-evaluation', 'renewal-assessment']);
  expect(await d.refused({ type: 'decideRenewal', decision: 'renew', newLease: { signedDate: renewalStarts } })).toBe(
    'Oppfølgingsavtalen må evalueres før leiekontrakten fornyes.',
  );
  await d.act({ type: 'recordEvaluation', date: renewalStarts, outcome: 'kept', note: 'Trepartssamtale: avtalen fungerer.' }, 'followUpWorker');
  await d.act({ type: 'decideRenewal', decision: 'renew', reason: 'Stabilt leieforhold', newLease: { signedDate: renewalStarts } });
  v = await d.view();
  const secondLeaseEnd = addDays(addYears(addDays(firstLeaseEnd, 1), 3), -1);
  expect(v.leases?.[1]).toMatchObject({ seq: 2, startDate: addDays(firstLeaseEnd, 1), endDate: secondLeaseEnd });
  expect(taskIds(v)).toEqual(['renew-agreement']);
  await d.act({
    type: 'createAgreement',
    terms: { followUpWorkerId: 'ola.hansen', optionalRows: ['drug_use'], visitFrequency: { times: 1, per: 'month' }, lockedDoorWaitMinutes: 30, deviationWeeks: 2, reason: 'Ny leieperiode' },
  });
  await d.act({ type: 'signAgreement', party: 'tenant', date: renewalStarts });
  await d.act({ type: 'signAgreement', party: 'follow_up_worker', date: renewalStarts }, 'followUpWorker');
  await d.act({ type: 'signAgreement', party: 'housing_officer', date: renewalStarts });
  v = await d.view();
  expect(v.agreements?.map((a) => [a.version, a.status, a.validUntil])).toEqual([
    [1, 'superseded', firstLeaseEnd],
    [2, 'active', secondLeaseEnd],
  ]);

  // Second lease period: a visit, then the tenant gives notice; move-out, inspection, settlement.
  const inSecondPeriod = addDays(firstLeaseEnd, 10);
  await d.sleepUntil(inSecondPeriod);
  await d.act({ type: 'recordVisit', date: inSecondPeriod, outcome: 'completed' }, 'followUpWorker');
  await d.act({ type: 'giveNotice', givenBy: 'tenant', noticeDate: inSecondPeriod, reason: 'Har kjøpt egen bolig med startlån' });
  v = await d.view();
  const moveOut = v.ending!.moveOutDate;
  expect(compareDates(moveOut, addMonths(inSecondPeriod, 3))).toBeGreaterThanOrEqual(0);
  await d.sleepUntil(moveOut);
  v = await d.view();
  expect(v.tasks.find((t) => t.id === 'move-out-inspection')).toMatchObject({ role: 'housing_officer' });
  await d.act({ type: 'recordMoveOutInspection', date: moveOut, damagesOre: 150_000, notes: 'Hull i vegg på soverom' });
  await d.act({ type: 'settleDeposit', date: addDays(moveOut, 3), depositReturnedOre: 2_595_000, damagesChargedOre: 150_000 });
  return { view: await d.view().catch(() => v), missedWindowStart };
}
