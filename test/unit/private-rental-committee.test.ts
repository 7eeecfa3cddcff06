import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../domain/committee/agenda';
import { privateRentalAgendaItems } from '../../domain/committee/agenda-private-rental';
import { addDays, osloInstant, type IsoDate } from '../../domain/calendar';
import { applyPrivateRentalAction, rejectPrivateRentalAction } from '../../domain/private-rental/actions';
import { committeeReturn } from '../../domain/private-rental/phase-tenancy';
import { newPrivateRentalState, type PrivateRentalState } from '../../domain/private-rental/state';
import { privateRentalStatistics } from '../../domain/private-rental/statistics';
import { advancePrivateRentalTime, toPrivateRentalView } from '../../domain/private-rental/timers';
import type { PrivateRentalActionPayload } from '../../domain/schemas/private-rental';
import { officer } from '../helpers/fixtures';

const at = (d: IsoDate) => osloInstant(d, '10:00');

/** A private-rental case driven through the pure rules, each step checked as the workflow's validator would. */
function drive(caseId: string, start: IsoDate, threshold?: number) {
  const state = newPrivateRentalState({ caseId, municipality: 'tynset', applicant: { name: 'Ingrid Bakken' }, caseworkerId: officer.id, ...(threshold !== undefined ? { committeeClaimThresholdOre: threshold } : {}) }, at(start));
  let key = 0;
  const act = (date: IsoDate, payload: PrivateRentalActionPayload) => {
    const action = { idempotencyKey: `k${key++}`, actor: officer, payload };
    expect(rejectPrivateRentalAction(state, action, at(date))).toBeUndefined();
    return applyPrivateRentalAction(state, action, at(date));
  };
  return { state, act };
}

function toMoveIn(caseId: string, start: IsoDate, security: Extract<PrivateRentalActionPayload, { type: 'recordSecurity' }>['security'], threshold?: number) {
  const d = drive(caseId, start, threshold);
  d.act(start, { type: 'recordMapping', date: start, challenges: [], followUpNeeded: false, supportExplained: true, ownResponsibilities: 'Søker selv.' });
  d.act(start, { type: 'holdPlanningMeeting', date: start, participants: ['applicant', 'procuring_unit'], plan: { searchers: ['applicant'], maxMonthlyRentOre: 1_200_000, area: 'Tynset', minRooms: 1, deadline: addDays(start, 60) } });
  d.act(start, { type: 'addCandidate', source: 'ad', landlordName: 'Utleier', address: 'Storgata 1', monthlyRentOre: 1_000_000, sizeSqm: 40, rooms: 2 });
  d.act(start, { type: 'recordViewing', candidate: 1, date: start, attendees: ['applicant'], outcome: 'interested' });
  d.act(start, { type: 'chooseDwelling', candidate: 1 });
  d.act(start, { type: 'recordRentalApproval', approved: true, source: 'property_register', date: start });
  d.act(start, { type: 'checkLease', date: start, lease: { standardLease: 'forbrukerradet', startDate: start, monthlyRentOre: 1_000_000, depositOre: 0, depositOnBlockedAccountInTenantsName: true, terminationAsTheLaw: true, maintenanceReasonable: true, moveOutConditionReasonable: true, landlordsOwnHome: false } });
  d.act(start, { type: 'recordSecurity', security });
  d.act(start, { type: 'recordLeaseSigned', date: start });
  const moveIn = addDays(start, 20);
  d.act(moveIn, { type: 'recordTakeover', date: moveIn, conditionNoted: true, meterReadings: [{ meter: 'strøm', reading: 1 }], keys: 2, contentsInsurance: true, addressChanged: true, housingAllowanceApplied: true, rentPayment: 'manual' });
  d.act(moveIn, { type: 'recordMoveIn', date: moveIn });
  return { ...d, moveIn };
}

const guarantee = { kind: 'guarantee' as const, issuer: 'municipality' as const, reference: 'G-1', amountOre: 5_000_000, validFrom: '2027-02-01', claimDeadlineMonths: 3 };

function claimed(d: ReturnType<typeof toMoveIn>, amountOre: number) {
  const out = addDays(d.moveIn, 200);
  d.act(out, { type: 'recordTermination', by: 'tenant', noticeDate: addDays(out, -95), moveOutDate: out });
  d.act(out, { type: 'recordMoveOut', date: out, keysReturned: true, damages: [{ what: 'Skade', estimatedOre: amountOre }] });
  d.act(out, { type: 'registerGuaranteeClaim', receivedDate: out, items: [{ kind: 'damage', amountOre }] });
  return out;
}

describe("private-rental cases on the housing committee's agenda", () => {
  it('lists a guarantee claim above the threshold until it is decided, and a plan stuck past its deadline', () => {
    const big = toMoveIn('TYN-2027-BBBBBB', '2027-02-01', guarantee, 2_000_000);
    const out = claimed(big, 2_500_000);
    const small = toMoveIn('TYN-2027-CCCCCC', '2027-02-01', guarantee, 2_000_000);
    claimed(small, 2_000_000);
    const stuck = drive('TYN-2027-DDDDDD', '2027-02-01');
    stuck.act('2027-02-01', { type: 'recordMapping', date: '2027-02-01', challenges: [], followUpNeeded: false, supportExplained: true, ownResponsibilities: 'Søker selv.' });
    stuck.act('2027-02-01', { type: 'holdPlanningMeeting', date: '2027-02-01', participants: ['applicant', 'procuring_unit'], plan: { searchers: ['applicant'], maxMonthlyRentOre: 1_000_000, area: 'Tynset', minRooms: 1, deadline: '2027-03-01' } });
    advancePrivateRentalTime(stuck.state, at('2027-03-02'));

    const views = [big.state, small.state, stuck.state].map(toPrivateRentalView);
    const items = privateRentalAgendaItems(views);
    expect(items.map((i) => i.id)).toEqual(['private_rental:TYN-2027-BBBBBB', 'private_rental:TYN-2027-DDDDDD']);
    expect(items[0]!.why).toMatch(/^Utleier krever 25\s000,00 kr av garantien .* over kommunens grense på 20\s000,00 kr\./);
    expect(items[1]!.title).toBe('Ingrid Bakken: boligplanen står fast');
    // In the whole agenda they come after the tenancies' own reasons and before earlier decisions.
    const agenda = buildAgenda([], { meetingDate: '2027-09-01', nextMeetingDate: '2027-09-15', openDecisions: [] }, views);
    expect(agenda.map((i) => i.reason)).toEqual(['private_rental', 'private_rental']);

    big.act(out, { type: 'decideGuaranteeClaim', date: out, items: [{ approvedOre: 2_500_000 }] });
    expect(privateRentalAgendaItems([toPrivateRentalView(big.state)])).toEqual([]);
  });
});

describe('private-rental statistics', () => {
  it('counts households helped, days from mapping to move-in, guarantees issued, claimed and paid, and deposits', () => {
    const a = toMoveIn('TYN-2027-EEEEEE', '2027-02-01', guarantee);
    const out = claimed(a, 1_000_000);
    a.act(out, { type: 'decideGuaranteeClaim', date: out, items: [{ approvedOre: 600_000, reason: 'Delvis dokumentert.' }] });
    const b = toMoveIn('TYN-2027-FFFFFF', '2027-03-01', { kind: 'deposit', source: 'nav_grant', amountOre: 3_000_000, decision: { reference: 'NAV-1', date: '2027-03-01', amountOre: 3_000_000 } });
    const c = drive('TYN-2027-GGGGGG', '2027-02-01');
    const stats = privateRentalStatistics([a.state, b.state, c.state] as PrivateRentalState[]);
    expect(stats).toEqual({
      referrals: 3,
      active: 3,
      closedByOutcome: {},
      householdsHelped: 2,
      daysMappingToMoveIn: { count: 2, median: 20, average: 20 },
      guarantees: { issued: { count: 1, amountOre: 5_000_000 }, claimed: { count: 1, amountOre: 1_000_000 }, paid: { count: 1, amountOre: 600_000 } },
      deposits: { tenant: 0, nav_loan: 0, nav_grant: 1 },
    });
  });
});

describe('the housing committee sends a private-rental case back', () => {
  it('goes at once when nothing is open, and waits with a task while the tenant lives in the private dwelling', () => {
    const open = drive('TYN-2027-HHHHHH', '2027-02-01');
    committeeReturn(open.state, { date: '2027-02-03', meetingId: 'm', itemId: 'i' }, at('2027-02-03'), '2027-02-03');
    expect(open.state).toMatchObject({ status: 'closed', outcome: 'municipal_process' });

    const living = toMoveIn('TYN-2027-JJJJJJ', '2027-02-01', guarantee);
    committeeReturn(living.state, { date: '2027-03-03', meetingId: 'm', itemId: 'i' }, at('2027-03-03'), '2027-03-03');
    expect(living.state.status).toBe('active');
    expect(living.state.tasks.map((t) => t.id)).toContain('pr-committee-return-m-i');
    expect(living.state.unsavedEvents.at(-1)!.summary).toContain('kan ikke skje ennå: Leietaker har en privat leieavtale');
  });
});

describe('private-rental refusals in the pure rules', () => {
  it('refuses a guarantee that ends before it begins, and a step by a role that may not take it', () => {
    const d = drive('TYN-2027-KKKKKK', '2027-02-01');
    d.act('2027-02-01', { type: 'recordMapping', date: '2027-02-01', challenges: [], followUpNeeded: false, supportExplained: true, ownResponsibilities: 'Søker selv.' });
    d.act('2027-02-01', { type: 'holdPlanningMeeting', date: '2027-02-01', participants: ['applicant', 'procuring_unit'], plan: { searchers: ['applicant'], maxMonthlyRentOre: 1_000_000, area: 'Tynset', minRooms: 1, deadline: '2027-04-01' } });
    d.act('2027-02-01', { type: 'addCandidate', source: 'ad', landlordName: 'Utleier', address: 'Storgata 2', monthlyRentOre: 900_000, sizeSqm: 40, rooms: 1 });
    d.act('2027-02-01', { type: 'recordViewing', candidate: 1, date: '2027-02-01', attendees: ['applicant'], outcome: 'interested' });
    d.act('2027-02-01', { type: 'chooseDwelling', candidate: 1 });
    const security = { kind: 'guarantee' as const, issuer: 'nav' as const, reference: 'G', amountOre: 100_000, validFrom: '2027-03-01', validUntil: '2027-02-28', claimDeadlineMonths: 3 };
    const action = (payload: PrivateRentalActionPayload, actor = officer) => ({ idempotencyKey: 'x', actor, payload });
    expect(rejectPrivateRentalAction(d.state, action({ type: 'recordSecurity', security }), at('2027-02-02'))).toBe('Garantien kan ikke slutte å gjelde før den begynner.');
    const worker = { id: 'ola.hansen', roles: ['follow_up_worker' as const], municipality: 'tynset' };
    expect(rejectPrivateRentalAction(d.state, action({ type: 'abandonDwelling', reason: 'Test' }, worker), at('2027-02-02'))).toBe('Du har ikke en rolle som kan utføre denne handlingen i saken.');
  });
});

describe('after move-out: the guarantee lapses, the deposit is settled, and only then the case closes', () => {
  it('lets a guarantee lapse when no claim comes by its deadline', () => {
    const d = toMoveIn('TYN-2027-LLLLLL', '2027-02-01', guarantee);
    const out = addDays(d.moveIn, 200);
    d.act(out, { type: 'recordTermination', by: 'tenant', noticeDate: addDays(out, -95), moveOutDate: out });
    d.act(out, { type: 'recordMoveOut', date: out, keysReturned: true, damages: [] });
    const close = { idempotencyKey: 'c', actor: officer, payload: { type: 'closePrivateRental' as const, outcome: 'municipal_dwelling' as const } };
    expect(rejectPrivateRentalAction(d.state, close, at(out))).toBe(`Utleier kan kreve garantien til ${d.state.claimDeadline}. Saken avsluttes når kravet er avgjort eller fristen er ute.`);
    advancePrivateRentalTime(d.state, at(addDays(d.state.claimDeadline!, 1)));
    expect(d.state.guaranteeLapsed).toBe(true);
    expect(rejectPrivateRentalAction(d.state, close, at(addDays(d.state.claimDeadline!, 1)))).toBeUndefined();
  });

  it('settles a deposit in full between tenant and landlord, with a reason for what the landlord gets', () => {
    const d = toMoveIn('TYN-2027-MMMMMM', '2027-02-01', { kind: 'deposit', source: 'tenant', amountOre: 3_000_000 });
    const out = addDays(d.moveIn, 100);
    d.act(out, { type: 'recordTermination', by: 'tenant', noticeDate: addDays(out, -95), moveOutDate: out });
    d.act(out, { type: 'recordMoveOut', date: out, keysReturned: true, damages: [] });
    const settle = (releasedToTenantOre: number, paidToLandlordOre: number, reason?: string) =>
      rejectPrivateRentalAction(d.state, { idempotencyKey: 's', actor: officer, payload: { type: 'settleDeposit', date: out, releasedToTenantOre, paidToLandlordOre, ...(reason ? { reason } : {}) } }, at(out));
    expect(settle(2_000_000, 500_000, 'Vask')).toBe('Frigitt og utbetalt til utleier må til sammen være depositumet (30 000,00 kr).');
    expect(settle(2_500_000, 500_000)).toBe('Oppgi grunnen når utleier får noe av depositumet.');
    expect(settle(2_500_000, 500_000, 'Vask av leiligheten')).toBeUndefined();
  });
});
