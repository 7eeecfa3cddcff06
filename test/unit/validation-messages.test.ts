import { describe, expect, it } from 'vitest';
import { ApplicationInput } from '../../domain/schemas/application';
import { summarise, toFieldProblems } from '../../domain/validation-messages';

const valid = { municipality: 'tynset', applicant: { name: 'Ingrid Bakken' }, currentHousing: 'Hos venn' };

function problemsFor(input: unknown) {
  const result = ApplicationInput.safeParse(input);
  if (result.success) throw new Error('expected invalid input');
  return toFieldProblems(result.error.issues);
}

describe('plain Norwegian validation messages', () => {
  it('accepts a minimal application and fills defaults', () => {
    expect(ApplicationInput.parse(valid)).toMatchObject({ language: 'norsk', needsInterpreter: false, householdMembers: [] });
  });

  it('names missing and malformed fields in Norwegian', () => {
    expect(problemsFor({ ...valid, applicant: {} })).toEqual([{ field: 'applicant.name', message: '«Søker → navn» må fylles ut' }]);
    expect(problemsFor({ ...valid, applicant: { name: 'Ingrid', birthDate: '2026-02-30' } })[0]!.message).toBe('«Søker → fødselsdato» må være en dato på formen ÅÅÅÅ-MM-DD');
    expect(problemsFor({ ...valid, householdMembers: [{ name: 'Emil', relation: 'cousin' }] })[0]).toEqual({
      field: 'householdMembers.0.relation',
      message: '«Husstandsmedlemmer → nr. 1 → relasjon» har en verdi som ikke er tillatt',
    });
    expect(problemsFor({ ...valid, municipality: 'Tynset!' })[0]!.message).toMatch(/^«Kommune» må være en kommunekode/);
    expect(problemsFor({ ...valid, needsInterpreter: 'ja' })[0]!.message).toBe('«Behov for tolk» har feil type (forventet ja/nei)');
    expect(problemsFor({ ...valid, shoeSize: 44 })[0]!.message).toBe('«Innholdet» inneholder ukjente felt: shoeSize');
  });

  it('summarises several problems as the first plus a count', () => {
    const problems = problemsFor({ municipality: 'tynset' });
    expect(summarise(problems)).toBe(`${problems[0]!.message} (og ${problems.length - 1} til).`);
  });
});
