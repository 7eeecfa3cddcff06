import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { markOverdueIncidentTasks, newIncident, nextIncidentWake } from '../../domain/incidents/incident';
import type { SituationKey } from '../../domain/agreement-template';
import { incidentInput } from '../helpers/fixtures';

function incident(situation: SituationKey, reportedDate: string, businessDays = true) {
  const reportedAt = osloInstant(reportedDate, '10:00');
  return newIncident(incidentInput(situation, reportedAt), reportedAt, { businessDays });
}
const due = (s: ReturnType<typeof incident>, id: string) => s.tasks.find((t) => t.id.endsWith(`-${id}`))!.dueDate;

/** Domain-facts, Calendar: a deadline in weeks ends on the matching day, moved to the next business day. */
describe('incident deadlines on business days, overdue like case tasks', () => {
  it('two weeks from Monday 3 May 2027 is 17 May, a public holiday: the meeting is due 18 May', () => {
    const s = incident('neighbour_complaints', '2027-05-03');
    expect(due(s, 'meeting')).toBe('2027-05-18');
    expect(due(s, 'assess-measures')).toBe('2027-05-18');
    expect(due(incident('neighbour_complaints', '2027-05-03', false), 'meeting')).toBe('2027-05-17');
  });

  it('two weeks from Saturday 13 March 2027 is a Saturday before Easter: past Easter Sunday and Monday to 30 March', () => {
    expect(due(incident('missing_rent', '2027-03-13'), 'meeting')).toBe('2027-03-30');
    expect(due(incident('missing_rent', '2027-04-10'), 'meeting')).toBe('2027-04-26'); // Saturday → Monday
  });

  it('the two weeks of deviation end on a business day', () => {
    const s = incident('untidy_home', '2027-05-03');
    const timer = s.timers.find((t) => t.id === 'deviation-deadline')!;
    expect(timer.at).toBe(osloInstant('2027-05-03', '10:00') + 15 * 86_400_000);
    expect(incident('untidy_home', '2027-05-03', false).timers[0]!.at).toBe(osloInstant('2027-05-03', '10:00') + 14 * 86_400_000);
  });

  it('an open task becomes overdue at the start of the day after its deadline, once, on the timeline', () => {
    const s = incident('neighbour_complaints', '2027-05-03');
    expect(nextIncidentWake(s)).toBe(osloInstant('2027-05-19'));
    markOverdueIncidentTasks(s, osloInstant('2027-05-18', '23:59'));
    expect(s.tasks.some((t) => t.overdue)).toBe(false);
    markOverdueIncidentTasks(s, osloInstant('2027-05-19'));
    markOverdueIncidentTasks(s, osloInstant('2027-05-20'));
    expect(s.tasks.map((t) => t.overdue)).toEqual([true, true]);
    expect(s.unsavedEvents.filter((e) => e.kind === 'deadline_missed')).toHaveLength(2);
    expect(nextIncidentWake(s)).toBeUndefined();
  });

  it('an incident recorded before the correction (patch incident-business-days off) never marks tasks overdue', () => {
    const s = incident('neighbour_complaints', '2027-05-03', false);
    expect(nextIncidentWake(s)).toBeUndefined();
    markOverdueIncidentTasks(s, osloInstant('2027-06-01'));
    expect(s.tasks.some((t) => t.overdue)).toBe(false);
  });
});
