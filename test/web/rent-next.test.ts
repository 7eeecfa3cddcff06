import { describe, expect, it } from 'vitest';
import { DEFAULT_RENT_LADDER } from '../../domain/rent/ladder';
import { addDaysIso, formatPeriod, nextOnLadder, type EpisodeView, type SummaryView } from '../../web/src/rent-account';

/** What the rent account page says comes next on the ladder, from the case's own ladder version. */
describe('the rent account’s next step', () => {
  const steps = DEFAULT_RENT_LADDER.steps.map((s) => ({ ...s, actions: [...s.actions] }));
  const summary = (over: Partial<SummaryView>): SummaryView => ({ asOf: '2027-03-10', balanceOre: 0, overdueOre: 0, arrearsAgeDays: 0, monthsInArrears: 0, creditOre: 0, ...over });
  const episode = (over: Partial<EpisodeView> = {}): EpisodeView => ({ firstMissedDueDate: '2027-03-01', openedDate: '2027-03-07', steps: [], plans: [], ...over });

  it('says nothing comes when nothing is overdue', () => {
    expect(nextOnLadder(steps, null, null, summary({}))).toEqual({ kind: 'none' });
  });

  it('dates the next day step from the oldest unpaid due date, and says a month’s rent can bring it forward', () => {
    const next = nextOnLadder(steps, 'reminder', episode(), summary({ overdueOre: 900_000, oldestUnpaidDueDate: '2027-03-01', arrearsAgeDays: 9 }));
    expect(next).toMatchObject({ kind: 'step', step: { key: 'follow_up' }, date: '2027-03-31', earlierIfOverMonth: true });
    expect(nextOnLadder(steps, 'follow_up', episode(), summary({ overdueOre: 900_000, oldestUnpaidDueDate: '2027-03-01' }))).toMatchObject({ step: { key: 'warning' }, date: '2027-04-30', earlierIfOverMonth: false });
  });

  it('dates the committee step at the end of the warning’s wait, and knows the last step', () => {
    const warned = episode({ warning: { sentDate: '2027-04-30', amountOre: 1_800_000, earliestEvictionRequest: '2027-05-18' } });
    expect(nextOnLadder(steps, 'warning', warned, summary({ overdueOre: 1_800_000, oldestUnpaidDueDate: '2027-03-01' }))).toMatchObject({ step: { key: 'committee' }, date: '2027-05-18' });
    expect(nextOnLadder(steps, 'committee', warned, summary({ overdueOre: 1_800_000, oldestUnpaidDueDate: '2027-03-01' }))).toEqual({ kind: 'last' });
  });

  it('holds the ladder under an active payment plan and names the next unpaid instalment', () => {
    const plan = { agreedDate: '2027-03-20', arrearsAtAgreementOre: 900_000, status: 'active' as const, instalments: [{ dueDate: '2027-04-05', amountOre: 300_000, result: 'kept' as const }, { dueDate: '2027-05-05', amountOre: 300_000 }] };
    expect(nextOnLadder(steps, 'follow_up', episode({ plans: [plan] }), summary({ overdueOre: 600_000, oldestUnpaidDueDate: '2027-03-01' }))).toMatchObject({ kind: 'plan', next: { dueDate: '2027-05-05', amountOre: 300_000 } });
  });

  it('writes a rent month as «januar 2027»', () => {
    expect(formatPeriod('2027-01')).toBe('januar 2027');
    expect(formatPeriod('2026-12')).toBe('desember 2026');
  });

  it('adds calendar days across months and years', () => {
    expect(addDaysIso('2027-12-20', 30)).toBe('2028-01-19');
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
  });
});
