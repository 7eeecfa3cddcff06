import { addBusinessDays, osloDate, type IsoDate } from '../calendar';
import type { LetterChannel } from '../letters/dispatch';
import { LETTER_KIND_LABELS, type LetterKind } from '../letters/kinds';
import { addEvent, openTask, type TenancyState } from './state';

/**
 * A letter the case makes by itself (the ladder's § 4-18 warning, the copy of the § 9-11 notice, an
 * individual decision): queued on the state, then made by an activity from the municipality's
 * template (filled, stored in `letters`, waiting in the print queue). The workflow only knows the
 * letter's ID; its text lives in the letters table and its PDF is rendered by the API.
 */
export interface PendingLetter {
  /** Idempotency key of the letter: the same key never makes a second letter. */
  key: string;
  kind: LetterKind;
  channel: Exclude<LetterChannel, 'email'>;
  /** The letter's date (Oslo): fixed when the case decided to send it, so a retried activity makes the same letter. */
  date: IsoDate;
  /** The kind's fields; ones the municipality's profile supplies (its account number, NAV's office) may be left out. */
  fields: Record<string, string | number>;
  /** What the case does with the letter's ID once it is made. */
  purpose?: { type: 'rent_warning' } | { type: 'decision'; decisionId: string };
}

export type LetterMade = { made: true; letterId: string } | { made: false; problems: string[] };

export function queueLetter(state: TenancyState, letter: PendingLetter): void {
  (state.unsentLetters ??= []).push(letter);
  state.version++;
}

/** Puts the made letter on the timeline and links it where the case needs it; a letter that could not be filled becomes a task. */
export function recordLetterMade(state: TenancyState, letter: PendingLetter, result: LetterMade, now: number): void {
  const label = LETTER_KIND_LABELS[letter.kind];
  if (!result.made) {
    addEvent(state, now, { kind: 'letter_not_made', actorId: 'botrygg', summary: `«${label}» kunne ikke lages fra kommunens mal: ${result.problems.join(' ')}`, data: { key: letter.key, kind: letter.kind } });
    openTask(state, now, {
      id: `letter-${letter.key.split('#').slice(1).join('-')}`,
      kind: 'send_letter',
      title: `Lag og send «${label}» selv: malen kunne ikke fylles ut (${result.problems.join(' ')})`,
      role: 'housing_officer',
      ...(state.housingOfficerId ? { assigneeId: state.housingOfficerId } : {}),
      dueDate: addBusinessDays(osloDate(now), 2),
    });
    return;
  }
  const how = letter.channel === 'registered_post' ? 'rekommandert post' : 'post';
  addEvent(state, now, {
    kind: 'letter_made',
    actorId: 'botrygg',
    summary: `«${label}» er laget (${result.letterId}) og ligger i utskriftskøen for ${how}.`,
    data: { letterId: result.letterId, kind: letter.kind, channel: letter.channel },
  });
  if (letter.purpose?.type === 'rent_warning') {
    const warning = state.rent?.episode?.warning;
    if (warning) warning.letterId = result.letterId;
  }
  if (letter.purpose?.type === 'decision') {
    const { decisionId } = letter.purpose;
    const decision = state.individualDecisions?.find((d) => d.id === decisionId);
    if (decision) decision.letterId = result.letterId;
  }
}
