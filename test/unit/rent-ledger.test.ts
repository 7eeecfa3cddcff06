import { describe, it, expect } from 'vitest';
import {
  formatKroner,
  monthlySettlement,
  settlementText,
  summarizeLedger,
  type LedgerEntry,
} from '../../domain/rent/ledger';
import { dateLabel, dueDateFor, isValidPeriod, nextPeriod, periodLabel, periodsBetween, rentPeriod } from '../../domain/rent/schedule';

const RENT = 900_000; // 9 000 kr

/** A month's rent, posted on the 1st and due on the 1st (moved to a business day). */
const charge = (period: string, amountOre = RENT): LedgerEntry => ({
  id: `charge-${period}`,
  kind: 'charge',
  amountOre,
  date: `${period}-01`,
  period,
  dueDate: dueDateFor(period, 1),
});
const payment = (id: string, date: string, amountOre: number): LedgerEntry => ({ id, kind: 'payment', amountOre, date });
const allowance = (period: string, date: string, amountOre: number): LedgerEntry => ({
  id: `bostotte-${period}`,
  kind: 'housing_allowance',
  amountOre,
  date,
  period,
});

// 2026: 1 Jan is a holiday and 1 Feb/1 Mar are Sundays, so the rent falls due 2 Jan, 2 Feb and 2 Mar.
const JAN = charge('2026-01');
const FEB = charge('2026-02');
const MAR = charge('2026-03');


describe('schedule', () => {
  it('names periods and steps between them', () => {
    expect(rentPeriod('2026-03-31')).toBe('2026-03');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(periodsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(periodsBetween('2026-05', '2026-04')).toEqual([]);
    expect(periodsBetween('9999-11', '9999-12')).toEqual(['9999-11', '9999-12']);
    expect(isValidPeriod('2026-13')).toBe(false);
    expect(() => nextPeriod('2026-1')).toThrow(RangeError);
    expect(() => rentPeriod('2026-02-30')).toThrow(RangeError);
  });

  it('moves the due date off weekends and public holidays', () => {
    expect(dueDateFor('2027-05', 1)).toBe('2027-05-03'); // Saturday and Arbeidernes dag
    expect(dueDateFor('2026-01', 1)).toBe('2026-01-02'); // Første nyttårsdag
    expect(dueDateFor('2026-05', 14)).toBe('2026-05-15'); // Kristi himmelfartsdag
    expect(dueDateFor('2026-05', 17)).toBe('2026-05-18'); // Grunnlovsdag on a Sunday
    expect(dueDateFor('2026-12', 25)).toBe('2026-12-28'); // both Christmas days, then Sunday
    expect(dueDateFor('2026-06', 10)).toBe('2026-06-10'); // a plain Wednesday stays
  });

  it('refuses a due day that not every month has', () => {
    expect(() => dueDateFor('2026-02', 29)).toThrow(RangeError);
    expect(() => dueDateFor('2026-02', 0)).toThrow(RangeError);
    expect(() => dueDateFor('2026-02', 1.5)).toThrow(RangeError);
  });

  it('writes periods and dates in Norwegian', () => {
    expect(periodLabel('2027-01')).toBe('januar 2027');
    expect(dateLabel('2027-02-01')).toBe('1. februar 2027');
  });
});

describe('summarizeLedger: tenant payments', () => {
  it('pays the oldest charge first (FIFO by due date)', () => {
    const entries = [MAR, FEB, JAN, payment('p1', '2026-03-10', 1_200_000)];
    const s = summarizeLedger(entries, '2026-03-10');
    expect(s.charges.map((c) => [c.period, c.tenantPaidOre, c.outstandingOre])).toEqual([
      ['2026-01', 900_000, 0],
      ['2026-02', 300_000, 600_000],
      ['2026-03', 0, 900_000],
    ]);
    expect(s.balanceOre).toBe(1_500_000);
    expect(s.overdueOre).toBe(1_500_000);
    expect(s.oldestUnpaidDueDate).toBe('2026-02-02');
    expect(s.unpaidCharges).toBe(2);
    expect(s.creditOre).toBe(0);
    expect(s.chargedOre).toBe(2_700_000);
    expect(s.paidOre).toBe(1_200_000);
  });

  it('gives the same result whatever order the entries come in', () => {
    const entries = [JAN, FEB, MAR, payment('p1', '2026-01-05', 500_000), payment('p2', '2026-02-20', 700_000), allowance('2026-02', '2026-02-20', 200_000)];
    const reversed = [...entries].reverse();
    expect(summarizeLedger(reversed, '2026-03-10')).toEqual(summarizeLedger(entries, '2026-03-10'));
  });

  it('keeps a prepayment as credit and uses it when the next rent is charged', () => {
    const entries = [JAN, payment('p1', '2026-01-02', 1_000_000), FEB];
    const january = summarizeLedger(entries, '2026-01-20');
    expect(january.balanceOre).toBe(0);
    expect(january.creditOre).toBe(100_000);
    expect(january.charges).toHaveLength(1); // February is not posted yet

    const february = summarizeLedger(entries, '2026-02-01');
    expect(february.creditOre).toBe(0);
    expect(february.balanceOre).toBe(800_000);
    expect(february.overdueOre).toBe(0);
    expect(february.charges[1]).toMatchObject({ period: '2026-02', tenantPaidOre: 100_000, outstandingOre: 800_000 });
  });

  it('ignores entries dated after asOf', () => {
    const entries = [JAN, payment('p1', '2026-01-10', RENT)];
    expect(summarizeLedger(entries, '2026-01-09')).toMatchObject({ paidOre: 0, balanceOre: RENT, overdueOre: RENT });
    expect(summarizeLedger(entries, '2026-01-10')).toMatchObject({ paidOre: RENT, balanceOre: 0, overdueOre: 0 });
    expect(summarizeLedger([JAN], '2025-12-31')).toMatchObject({ chargedOre: 0, balanceOre: 0, charges: [] });
  });

  it('counts paying on the due date as on time', () => {
    const onDueDate = summarizeLedger([JAN], '2026-01-02');
    expect(onDueDate).toMatchObject({ balanceOre: RENT, overdueOre: 0, unpaidCharges: 0, arrearsAgeDays: 0, monthsInArrears: 0 });
    expect(onDueDate.oldestUnpaidDueDate).toBeUndefined();
    expect(summarizeLedger([JAN], '2026-01-03')).toMatchObject({ overdueOre: RENT, arrearsAgeDays: 1, oldestUnpaidDueDate: '2026-01-02' });
  });
});

describe('summarizeLedger: arrears', () => {
  it('measures the age of the oldest unpaid rent and the months in arrears', () => {
    const entries = [JAN, FEB, MAR, payment('p1', '2026-01-20', 450_000)];
    const s = summarizeLedger(entries, '2026-03-15');
    expect(s.oldestUnpaidDueDate).toBe('2026-01-02');
    expect(s.arrearsAgeDays).toBe(72);
    expect(s.overdueOre).toBe(2_250_000);
    expect(s.monthsInArrears).toBe(2.5);
    expect(s.unpaidCharges).toBe(3);
  });

  it('floors months in arrears to two decimals, measured against the latest rent', () => {
    const entries = [charge('2026-01', 300_000), charge('2026-02', 300_000), payment('p1', '2026-01-02', 200_000)];
    expect(summarizeLedger(entries, '2026-01-03').monthsInArrears).toBe(0.33);
    // The latest rent went up: arrears are counted in months of the current rent.
    const raised = [charge('2026-01', 600_000), charge('2026-02', 900_000)];
    expect(summarizeLedger(raised, '2026-02-03').monthsInArrears).toBe(1.66);
    expect(summarizeLedger([], '2026-02-03')).toMatchObject({ monthsInArrears: 0, arrearsAgeDays: 0, balanceOre: 0 });
  });
});

describe('summarizeLedger: housing allowance (bostøtte)', () => {
  it('never covers old arrears: it reduces only its own month, and the surplus is owed back', () => {
    const entries = [JAN, FEB, MAR, allowance('2026-03', '2026-03-20', 950_000)];
    const s = summarizeLedger(entries, '2026-03-20');
    expect(s.charges.map((c) => [c.period, c.allowanceOre, c.outstandingOre])).toEqual([
      ['2026-01', 0, 900_000],
      ['2026-02', 0, 900_000],
      ['2026-03', 900_000, 0],
    ]);
    expect(s.allowanceExcessOre).toBe(50_000);
    expect(s.creditOre).toBe(0);
    expect(s.overdueOre).toBe(1_800_000);
    expect(s.allowanceOre).toBe(950_000);
  });

  it('covers its month before tenant money, which then goes to the oldest arrears', () => {
    const entries = [JAN, FEB, MAR, payment('p1', '2026-03-02', RENT), allowance('2026-03', '2026-03-20', 300_000)];
    const s = summarizeLedger(entries, '2026-03-20');
    expect(s.charges.map((c) => [c.period, c.allowanceOre, c.tenantPaidOre, c.outstandingOre])).toEqual([
      ['2026-01', 0, 900_000, 0],
      ['2026-02', 0, 0, 900_000],
      ['2026-03', 300_000, 0, 600_000],
    ]);
    expect(s.allowanceExcessOre).toBe(0);
  });

  it('frees tenant money as credit when the tenant had already paid the whole month', () => {
    const entries = [MAR, payment('p1', '2026-03-02', RENT), allowance('2026-03', '2026-03-20', 300_000)];
    const s = summarizeLedger(entries, '2026-03-20');
    expect(s.charges[0]).toMatchObject({ allowanceOre: 300_000, tenantPaidOre: 600_000, outstandingOre: 0 });
    expect(s.creditOre).toBe(300_000);
    expect(s.allowanceExcessOre).toBe(0);
  });

  it('holds allowance for a month that is not charged yet instead of using it on arrears', () => {
    const entries = [JAN, allowance('2026-02', '2026-01-25', 300_000), FEB];
    const before = summarizeLedger(entries, '2026-01-25');
    expect(before).toMatchObject({ allowancePendingOre: 300_000, allowanceExcessOre: 0, creditOre: 0, overdueOre: RENT });
    const after = summarizeLedger(entries, '2026-02-01');
    expect(after.allowancePendingOre).toBe(0);
    expect(after.charges[1]).toMatchObject({ period: '2026-02', allowanceOre: 300_000, outstandingOre: 600_000 });
    expect(after.charges[0]!.outstandingOre).toBe(RENT);
  });

  it('covers only the rent left after a credit for the same month', () => {
    const rentReduction: LedgerEntry = { id: 'k1', kind: 'credit', amountOre: 100_000, date: '2026-02-10', period: '2026-02' };
    const entries = [FEB, rentReduction, allowance('2026-02', '2026-02-20', 850_000)];
    const s = summarizeLedger(entries, '2026-02-20');
    expect(s.charges[0]).toMatchObject({ creditedOre: 100_000, allowanceOre: 800_000, outstandingOre: 0 });
    expect(s.allowanceExcessOre).toBe(50_000);
    expect(s.creditOre).toBe(0);
  });
});

describe('summarizeLedger: credits and write-offs', () => {
  it('turns the surplus of a credit for a month into tenant credit', () => {
    const entries = [JAN, FEB, payment('p1', '2026-01-02', RENT), { id: 'k1', kind: 'credit', amountOre: 1_000_000, date: '2026-02-05', period: '2026-01' } as LedgerEntry];
    const s = summarizeLedger(entries, '2026-02-05');
    // January is covered by the credit; the tenant's own payment moves on to February.
    expect(s.charges.map((c) => [c.period, c.creditedOre, c.tenantPaidOre, c.outstandingOre])).toEqual([
      ['2026-01', 900_000, 0, 0],
      ['2026-02', 0, 900_000, 0],
    ]);
    expect(s.creditOre).toBe(100_000);
  });

  it('treats a credit without a period like a payment', () => {
    const s = summarizeLedger([JAN, FEB, { id: 'k1', kind: 'credit', amountOre: 1_000_000, date: '2026-02-05' }], '2026-02-05');
    expect(s.charges.map((c) => [c.period, c.creditedOre, c.outstandingOre])).toEqual([
      ['2026-01', 900_000, 0],
      ['2026-02', 100_000, 800_000],
    ]);
    expect(s.creditedOre).toBe(1_000_000);
  });

  it('writes off a given month, and later payments go to rent still owed', () => {
    const entries: LedgerEntry[] = [
      JAN,
      FEB,
      { id: 'w1', kind: 'write_off', amountOre: RENT, date: '2026-02-10', period: '2026-01' },
      payment('p1', '2026-02-15', RENT),
    ];
    const s = summarizeLedger(entries, '2026-02-15');
    expect(s.charges.map((c) => [c.period, c.writtenOffOre, c.tenantPaidOre, c.outstandingOre])).toEqual([
      ['2026-01', 900_000, 0, 0],
      ['2026-02', 0, 900_000, 0],
    ]);
    expect(s).toMatchObject({ balanceOre: 0, writtenOffOre: RENT, creditOre: 0 });
  });

  it('writes off the oldest debt first when no month is given, never rent charged later', () => {
    const entries: LedgerEntry[] = [JAN, FEB, MAR, { id: 'w1', kind: 'write_off', amountOre: 1_500_000, date: '2026-02-10' }];
    const s = summarizeLedger(entries, '2026-03-10');
    expect(s.charges.map((c) => [c.period, c.writtenOffOre, c.outstandingOre])).toEqual([
      ['2026-01', 900_000, 0],
      ['2026-02', 600_000, 300_000],
      ['2026-03', 0, 900_000],
    ]);
    // Writing off more than is owed does not create credit.
    const tooMuch = summarizeLedger([JAN, FEB, { id: 'w2', kind: 'write_off', amountOre: 2_000_000, date: '2026-01-20' }], '2026-02-10');
    expect(tooMuch.charges.map((c) => c.outstandingOre)).toEqual([0, 900_000]);
    expect(tooMuch.creditOre).toBe(0);
  });
});

describe('summarizeLedger: input', () => {
  it('counts an entry sent twice only once', () => {
    const p = payment('bank-123', '2026-01-02', RENT);
    expect(summarizeLedger([JAN, p, { ...p }], '2026-01-10')).toMatchObject({ paidOre: RENT, creditOre: 0 });
  });

  it('refuses the same id for two different entries', () => {
    expect(() => summarizeLedger([JAN, payment('x', '2026-01-02', 100), payment('x', '2026-01-02', 200)], '2026-01-10')).toThrow(RangeError);
  });

  it('refuses invalid entries', () => {
    const bad: Array<Partial<LedgerEntry>> = [
      { ...payment('p', '2026-01-02', 100.5) },
      { ...payment('p', '2026-01-02', 0) },
      { ...payment('p', '2026-01-02', -100) },
      { ...payment('p', '2026-02-30', 100) },
      { ...JAN, period: undefined },
      { ...JAN, dueDate: undefined },
      { ...JAN, period: '2026-13' },
      { id: 'a', kind: 'housing_allowance', amountOre: 100, date: '2026-01-02' },
      { ...payment('p', '2026-01-02', 100), dueDate: '2026-01-02' },
      { ...payment('', '2026-01-02', 100) },
      { ...payment('p', '2026-01-02', 100), kind: 'refund' as never },
    ];
    for (const entry of bad) expect(() => summarizeLedger([entry as LedgerEntry], '2026-01-10'), JSON.stringify(entry)).toThrow(RangeError);
    expect(() => summarizeLedger([JAN, { ...FEB, id: 'another', period: '2026-01' }], '2026-03-01')).toThrow(RangeError);
    expect(() => summarizeLedger([JAN], '2026-1-10')).toThrow(RangeError);
  });
});

describe('monthly settlement', () => {
  it('shows how a month was paid', () => {
    const entries = [JAN, MAR, payment('p1', '2026-03-02', RENT), allowance('2026-03', '2026-03-20', 300_000), payment('p2', '2026-03-25', 600_000)];
    const s = monthlySettlement(entries, '2026-03', '2026-03-31')!;
    expect(s).toEqual({
      period: '2026-03',
      dueDate: '2026-03-02',
      rentOre: 900_000,
      allowanceOre: 300_000,
      creditedOre: 0,
      writtenOffOre: 0,
      tenantShareOre: 600_000,
      tenantPaidOre: 600_000,
      outstandingOre: 0,
      allowanceExcessOre: 0,
    });
    expect(settlementText(s)).toBe(
      [
        'Husleie for mars 2026, forfall 2. mars 2026: 9 000,00 kr',
        'Bostøtte for mars 2026: 3 000,00 kr',
        'Din del av husleien: 6 000,00 kr',
        'Betalt av deg: 6 000,00 kr',
        'Husleien for mars 2026 er betalt.',
      ].join('\n'),
    );
  });

  it('tells the tenant what is owed and that surplus allowance is theirs', () => {
    const entries = [charge('2026-03', 915_000), allowance('2026-03', '2026-03-20', 1_000_000)];
    const s = monthlySettlement(entries, '2026-03', '2026-03-31')!;
    expect(s).toMatchObject({ allowanceOre: 915_000, tenantShareOre: 0, outstandingOre: 0, allowanceExcessOre: 85_000 });
    const text = settlementText(s);
    expect(text).toContain('Husleie for mars 2026, forfall 2. mars 2026: 9 150,00 kr');
    expect(text).toContain('Bostøtten for mars 2026 var 850,00 kr mer enn husleien.');
    expect(text).toContain('kan ikke brukes til å betale husleie for andre måneder');

    const unpaid = monthlySettlement([MAR, payment('p1', '2026-03-02', 400_000)], '2026-03', '2026-03-31')!;
    expect(settlementText(unpaid)).toContain('Du skylder for mars 2026: 5 000,00 kr');
  });

  it('is undefined for a month without a posted charge', () => {
    expect(monthlySettlement([JAN], '2026-02', '2026-03-01')).toBeUndefined();
    expect(monthlySettlement([FEB], '2026-02', '2026-01-31')).toBeUndefined();
  });
});

describe('formatKroner', () => {
  it.each([
    [915_000, '9 150,00 kr'],
    [0, '0,00 kr'],
    [5, '0,05 kr'],
    [99_999, '999,99 kr'],
    [100_000, '1 000,00 kr'],
    [123_456_789, '1 234 567,89 kr'],
    [-915_050, '-9 150,50 kr'],
  ])('%i øre → %s', (ore, text) => {
    expect(formatKroner(ore)).toBe(text);
  });

  it('refuses fractions of an øre', () => {
    expect(() => formatKroner(1.5)).toThrow(RangeError);
  });
});
