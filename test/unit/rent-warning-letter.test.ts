import { describe, expect, it } from 'vitest';
import { addDays, osloInstant, type IsoDate } from '../../domain/calendar';
import { assumedReceiptDate } from '../../domain/letters/dispatch';
import { summarizeLedger, type LedgerEntry } from '../../domain/rent/ledger';
import { applyAction, rejectReason } from '../../domain/tenancy/actions';
import { applyRentCheck, chargesDue, rentCheckDue, rentWakeDates, startRent } from '../../domain/tenancy/rent';
import { recordLetterMade } from '../../domain/tenancy/case-letters';
import { newTenancyState, type TenancyState } from '../../domain/tenancy/state';
import { application, testCaseId } from '../helpers/fixtures';

const RENT = 900_000;
const officer = { id: 'kari.nordmann', roles: ['housing_officer' as const], municipality: 'tynset' };

/** A tenancy that never pays, woken on each day its ladder asks for, until the § 4-18 warning is out. */
function tenancyAtWarning(features: TenancyState['features'] = {}): TenancyState {
  const moveIn = '2027-03-01';
  const state = newTenancyState({ caseId: testCaseId(), application: application({ applicant: { name: 'Test Leietaker', email: 'leietaker@example.no' } }), now: osloInstant(moveIn) });
  state.features = { ...state.features, ...features };
  state.phase = 'follow_up';
  state.moveInDate = moveIn;
  state.monthlyRentOre = RENT;
  state.offers = [{ seq: 1, offeredDate: moveIn, warnings: [], answer: 'accepted', dwelling: { id: 'D1', address: 'Gata 1', sizeSqm: 40, rooms: 2, floor: 1, accessible: true, coLocated: false, monthlyRentOre: RENT } }];
  startRent(state, { moveIn });
  const entries: LedgerEntry[] = [];
  for (let d: IsoDate = moveIn; !state.rent!.episode?.warning; d = addDays(d, 1)) {
    if (!rentCheckDue(state, d)) continue;
    const charges = chargesDue(state, d);
    for (const c of charges) entries.push({ id: `c${c.period}`, kind: 'charge', amountOre: c.amountOre, date: c.dueDate, period: c.period, dueDate: c.dueDate });
    applyRentCheck(state, charges, summarizeLedger(entries, d), osloInstant(d, '06:00'));
  }
  return state;
}

const posted = (state: TenancyState, sentDate: IsoDate, receiptDate: IsoDate) => ({
  idempotencyKey: 'letter:L-0123456789ab:posted',
  actor: officer,
  payload: { type: 'recordWarningLetterPosted' as const, letterId: 'L-0123456789ab', sentDate, receiptDate },
});

describe('rent ladder: the § 4-18 warning posted as a letter', () => {
  it('counts the two weeks from the letter’s assumed receipt, moves the ladder’s timer and closes the posting task', () => {
    const state = tenancyAtWarning();
    const warning = state.rent!.episode!.warning!;
    expect(state.tasks.map((t) => t.id)).toContain('rent-warning-letter');
    const before = warning.earliestEvictionRequest;
    // Posted a week after the warning (a Friday); assumed received three business days later.
    const sent = addDays(warning.sentDate, 7);
    const receipt = assumedReceiptDate(sent, 3);
    const now = osloInstant(sent, '12:00');
    expect(rejectReason(state, posted(state, sent, receipt), now)).toBeUndefined();
    const result = applyAction(state, posted(state, sent, receipt), now);
    expect(state.rent!.episode!.warning!.earliestEvictionRequest > before).toBe(true);
    expect(result.message).toContain(`regnes som mottatt ${receipt}`);
    expect(result.message).toContain(`tidligst sendes ${state.rent!.episode!.warning!.earliestEvictionRequest}`);
    expect(state.tasks.map((t) => t.id)).not.toContain('rent-warning-letter');
    expect(rentWakeDates(state).map((d) => d.date)).toContain(state.rent!.episode!.warning!.earliestEvictionRequest);
    expect(rentWakeDates(state).map((d) => d.date)).not.toContain(before);
  });

  it('never shortens the wait the ladder already set', () => {
    const state = tenancyAtWarning();
    const before = state.rent!.episode!.warning!.earliestEvictionRequest;
    const sent = state.rent!.episode!.warning!.sentDate;
    applyAction(state, posted(state, sent, sent), osloInstant(sent, '12:00'));
    expect(state.rent!.episode!.warning!.earliestEvictionRequest).toBe(before);
  });

  it('is refused without a ladder warning, or with a receipt before posting', () => {
    const state = tenancyAtWarning();
    const sent = state.rent!.episode!.warning!.sentDate;
    expect(rejectReason(state, posted(state, sent, addDays(sent, -1)), osloInstant(sent))).toBe('Mottaksdatoen kan ikke være før brevet ble sendt.');
    delete state.rent!.episode!.warning;
    expect(rejectReason(state, posted(state, sent, sent), osloInstant(sent))).toBe('Det er ikke sendt noe varsel etter § 4-18 i denne restansesaken.');
  });
});

/** Issue 16: the ladder's § 4-18 step creates the warning letter itself, for registered post (patched ladder-makes-letters). */
describe('rent ladder: the § 4-18 step makes the letter', () => {
  it('queues the eviction warning for registered post with the arrears, the months and the KID; the task asks to post it', () => {
    const state = tenancyAtWarning();
    const letter = state.unsentLetters!.find((l) => l.kind === 'eviction_warning')!;
    expect(letter).toMatchObject({ channel: 'registered_post', date: state.rent!.episode!.warning!.sentDate, purpose: { type: 'rent_warning' } });
    expect(letter.fields).toEqual({ arrears: state.rent!.episode!.warning!.amountOre, arrearsPeriod: 'mars 2027 og april 2027', kid: state.rent!.kid });
    expect(state.tasks.find((t) => t.id === 'rent-warning-letter')!.title).toBe('Varselet etter § 4-18 ligger i utskriftskøen: send det rekommandert og registrer sendingen med sporingsnummer');
  });

  it('links the made letter to the warning, or turns a letter that could not be made into a task', () => {
    const state = tenancyAtWarning();
    const letter = state.unsentLetters!.find((l) => l.kind === 'eviction_warning')!;
    recordLetterMade(state, letter, { made: true, letterId: 'L-0123456789ab' }, osloInstant('2027-05-03', '10:00'));
    expect(state.rent!.episode!.warning!.letterId).toBe('L-0123456789ab');
    expect(state.unsavedEvents.at(-1)!.summary).toBe('«Varsel etter tvangsfullbyrdelsesloven § 4-18» er laget (L-0123456789ab) og ligger i utskriftskøen for rekommandert post.');
    recordLetterMade(state, letter, { made: false, problems: ['Kommunens kontonummer for husleie mangler i brevprofilen.'] }, osloInstant('2027-05-03', '10:00'));
    expect(state.tasks.find((t) => t.kind === 'send_letter')!.title).toContain('Kommunens kontonummer for husleie mangler i brevprofilen.');
  });

  it('makes no letter in a run recorded before the change (patch off)', () => {
    const state = tenancyAtWarning({ 'ladder-makes-letters': false });
    expect(state.rent!.episode!.warning).toBeDefined();
    expect(state.unsentLetters ?? []).toEqual([]);
    expect(state.tasks.find((t) => t.id === 'rent-warning-letter')!.title).toBe('Send varselet etter § 4-18 også rekommandert per post, og noter datoen');
  });
});
