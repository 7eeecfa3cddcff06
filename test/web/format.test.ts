import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatKroner, humanDates, osloDate } from '../../web/src/format';

const NBSP = '\u00a0';

describe('the staff app’s Norwegian formats', () => {
  it('writes dates as «15. mai 2027» and instants in Oslo time', () => {
    expect(formatDate('2027-05-15')).toBe('15. mai 2027');
    expect(formatDate('2027-01-01')).toBe('1. januar 2027');
    // 23:30 UTC on 31 December is already New Year's Day in Oslo; summer time is UTC+2.
    expect(osloDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(formatDateTime('2027-05-15T07:30:00Z')).toBe(`15. mai 2027 kl.${NBSP}09.30`);
  });

  it('writes money in øre as «8 500 kr»', () => {
    expect(formatKroner(850_000)).toBe(`8${NBSP}500${NBSP}kr`);
    expect(formatKroner(2_520_050)).toBe(`25${NBSP}200,50${NBSP}kr`);
    expect(formatKroner(0)).toBe(`0${NBSP}kr`);
    expect(formatKroner(-1_234_567_800)).toBe(`−12${NBSP}345${NBSP}678${NBSP}kr`);
  });

  it('turns ISO dates inside the server’s texts into plain dates', () => {
    expect(humanDates('Frist for «Hjemmebesøk» (2027-05-15)')).toBe('Frist for «Hjemmebesøk» (15. mai 2027)');
  });
});
