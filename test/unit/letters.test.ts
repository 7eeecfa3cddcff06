import { describe, expect, it } from 'vitest';
import { assumedReceiptDate, canRecord, evictionRequestEarliest, receiptDate } from '../../domain/letters/dispatch';
import { fillLetter, formatLetterDate, LetterFillError, unknownPlaceholders } from '../../domain/letters/fill';
import { LETTER_FIELDS, LETTER_KINDS, LETTER_LANGUAGES } from '../../domain/letters/kinds';
import { defaultLetterTemplate } from '../../domain/letters/templates';

const facts = { recipient: 'Ingrid Bakken', caseId: 'TYN-2026-7KX3QF', date: '2027-03-01', municipality: 'Tynset kommune', appealBody: 'Statsforvalteren i Innlandet' };

/** A value of each field's type, so every default template can be filled. */
function sampleFields(kind: (typeof LETTER_KINDS)[number]): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(LETTER_FIELDS[kind]).map(([name, f]) => [name, f.type === 'money' ? 915_000 : f.type === 'date' ? '2027-04-30' : name === 'meetingTime' ? '10:00' : `tekst for ${name}`.slice(0, f.maxLength)]),
  );
}

describe('letters: filling a template from the case', () => {
  it('fills every default template in both languages, leaving no placeholder', () => {
    for (const language of LETTER_LANGUAGES)
      for (const kind of LETTER_KINDS) {
        const t = defaultLetterTemplate(kind, language);
        expect(unknownPlaceholders(t), `${kind}/${language}`).toEqual([]);
        const letter = fillLetter(t, facts, sampleFields(kind));
        expect(JSON.stringify(letter), `${kind}/${language}`).not.toMatch(/\{\{|\}\}/);
        expect(letter.paragraphs[0]).toContain('Ingrid Bakken');
      }
  });

  it('the § 4-18 warning states the amount in kroner, the two weeks, and that paying stops the eviction', () => {
    const letter = fillLetter(defaultLetterTemplate('eviction_warning', 'nb'), facts, { arrears: 1_830_050, arrearsPeriod: 'januar og februar 2027', kid: '2934232601865499654', accountNumber: '1234.56.78903' });
    const text = letter.paragraphs.join('\n');
    expect(text).toContain('Du skylder 18 300,50 kr i husleie for januar og februar 2027.');
    expect(text).toContain('innen to uker etter at du fikk dette brevet');
    expect(text).toContain('tvangsfullbyrdelsesloven § 4-18');
    expect(text).toMatch(/blir den stoppet hvis du betaler husleien, renter og kostnader før utkastelsen skjer/);
  });

  it('a decision carries the 3-week appeal deadline, where to appeal and the right to see the documents', () => {
    const letter = fillLetter(defaultLetterTemplate('decision', 'nb'), facts, { subject: 'Søknad om kommunal bolig', decision: 'Du får tildelt bolig.', reasons: 'Du fyller vilkårene.', legalBasis: 'Lov om kommunenes ansvar på det boligsosiale feltet § 6' });
    const text = letter.paragraphs.join('\n');
    expect(letter.title).toBe('Vedtak: Søknad om kommunal bolig');
    expect(text).toContain('Fristen er tre uker fra du fikk dette brevet. Send klagen til Tynset kommune.');
    expect(text).toContain('Statsforvalteren i Innlandet');
    expect(text).toContain('rett til å se dokumentene i saken din');
  });

  it('the landlord notice states the reason and the one-month objection right (§ 9-7), nynorsk too', () => {
    const nn = fillLetter(defaultLetterTemplate('landlord_notice', 'nn'), facts, { reason: 'Gjentekne brot på husordensreglane.', moveOutDate: '2027-06-30' });
    expect(nn.paragraphs.join('\n')).toContain('innan éin månad');
    expect(nn.paragraphs[1]).toContain('30. juni 2027');
    expect(nn.paragraphs[2]).toContain('Gjentekne brot');
  });

  it('refuses missing, unknown and mistyped fields by name, in bokmål', () => {
    const t = defaultLetterTemplate('allowance_settlement', 'nb');
    try {
      fillLetter(t, facts, { period: 'januar 2027', rent: 9150.5, allowance: 250_000, extra: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LetterFillError);
      expect((e as LetterFillError).problems).toEqual([
        'Feltet «extra» hører ikke til denne brevtypen.',
        'Feltet «rent» må være et beløp i øre (et helt tall, ikke negativt).',
        'Feltet «ownShare» (Din del å betale (øre)) mangler.',
      ]);
    }
  });

  it('a municipality template may not use a placeholder its kind cannot fill', () => {
    expect(unknownPlaceholders({ ...defaultLetterTemplate('neighbour_complaint', 'nb'), paragraphs: ['{{summary}} {{arrears}} {{ caseId }}'] })).toEqual(['arrears']);
  });

  it('writes dates the Norwegian way', () => {
    expect(formatLetterDate('2027-01-09')).toBe('9. januar 2027');
  });
});

describe('letters: dispatch and receipt', () => {
  it('assumes receipt three business days after posting, skipping Easter', () => {
    // Posted Tuesday 23 March 2027; Maundy Thursday 25, Good Friday 26, Easter Monday 29 March.
    expect(assumedReceiptDate('2027-03-23')).toBe('2027-03-31');
    expect(assumedReceiptDate('2027-03-01')).toBe('2027-03-04');
    expect(assumedReceiptDate('2027-03-05', 1)).toBe('2027-03-08');
  });

  it('a recorded delivery wins; an e-mail proves no receipt', () => {
    expect(receiptDate({ channel: 'registered_post', sentDate: '2027-03-01', deliveredDate: '2027-03-02' })).toBe('2027-03-02');
    expect(receiptDate({ channel: 'registered_post', sentDate: '2027-03-01', deliveredDate: null })).toBe('2027-03-04');
    expect(receiptDate({ channel: 'email', sentDate: '2027-03-01', deliveredDate: null })).toBeNull();
  });

  it('§ 4-18: the eviction request waits two weeks from receipt, not from posting', () => {
    expect(evictionRequestEarliest(assumedReceiptDate('2027-03-01'), '2027-03-01')).toBe('2027-03-18');
  });

  it('status changes go forward only', () => {
    expect(canRecord('queued', 'dispatch')).toBe(true);
    expect(canRecord('sent', 'dispatch')).toBe(false);
    expect(canRecord('sent', 'returned')).toBe(true);
    expect(canRecord('queued', 'returned')).toBe(false);
  });
});
