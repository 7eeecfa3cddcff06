import { describe, expect, it } from 'vitest';
import { DEFAULT_RENT_LADDER } from '../../domain/rent/ladder';
import { RentLadderDefinition } from '../../domain/schemas/rent-ladder';

const { version: _v, ...definition } = DEFAULT_RENT_LADDER;
const messages = (input: unknown) => {
  const parsed = RentLadderDefinition.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('rent ladder definition', () => {
  it('accepts the default and fills in what a municipality leaves out', () => {
    expect(messages(definition)).toEqual([]);
    const { dueDay: _d, graceDays: _g, warning: _w, ...minimal } = definition;
    expect(RentLadderDefinition.parse(minimal)).toMatchObject({ dueDay: 1, graceDays: 5, warning: { waitDays: 14, receiptDays: 3, navWaitDays: 14 } });
  });

  it('lets a municipality add a second reminder and move days', () => {
    const steps = [definition.steps[0]!, { key: 'reminder_2', label: 'Andre påminnelse', fromDay: 15, actions: ['remind_tenant'] }, ...definition.steps.slice(1)];
    expect(messages({ ...definition, steps })).toEqual([]);
  });

  it('refuses a ladder that could reach an eviction request without a warning or a committee decision', () => {
    expect(messages({ ...definition, steps: definition.steps.filter((s) => s.key !== 'committee') })).toContain('Stigen må ende med at boligutvalget tar stilling (committee_decision)');
    expect(messages({ ...definition, steps: definition.steps.filter((s) => s.key !== 'warning'), paymentPlan: { toleranceDays: 3, onBreak: 'follow_up' } })).toContain(
      'Varsel etter § 4-18 (warning_4_18) må komme før boligutvalgets behandling',
    );
  });

  it('refuses steps out of order, duplicate keys, a wait shorter than the law, and a break step that does not exist', () => {
    const swapped = [definition.steps[1]!, definition.steps[0]!, ...definition.steps.slice(2)];
    expect(messages({ ...definition, steps: swapped })).toContain('Trinnene må komme i stigende rekkefølge');
    expect(messages({ ...definition, steps: [...definition.steps, definition.steps[0]!] })).toContain('Trinnene må ha ulike nøkler');
    expect(messages({ ...definition, warning: { waitDays: 7, receiptDays: 3, navWaitDays: 14 } }).length).toBe(1);
    expect(messages({ ...definition, paymentPlan: { toleranceDays: 3, onBreak: 'nope' } })[0]).toMatch(/^Finnes ikke blant trinnene/);
  });
});
