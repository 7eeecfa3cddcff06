import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CaseEvent } from '../domain/tenancy/state';

// Read-model writes are idempotent and the workflow state is the source of truth meanwhile, so
// they retry for as long as the database is away instead of failing the case. A write takes
// milliseconds: a short timeout lets a write lost with a crashed worker be retried soon.
export const records = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// A notice crosses SMTP: a slower timeout, and retries for a day before it is left to the sweep.
export const mail = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 60 },
});

// Reading every live case of a municipality to build an agenda can take seconds in a large one.
export const reads = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 30 },
});

// A committee decision waits for the case's workflow to apply it (which writes its own read model).
// A refusal is an answer, not an error; a case that does not answer is tried for about two hours,
// then the committee's workflow tries again an hour later, so a stuck case never stops the meetings.
export const delivery = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 15 },
});

/**
 * Writes the case-timeline lines a workflow has not yet written, then forgets them. Lines added
 * while the write is in flight stay for the next call; the dedup key makes a repeat harmless.
 */
export async function writeUnsavedEvents(state: { unsavedEvents: CaseEvent[] }, caseId: string, workflowId: string): Promise<void> {
  const events = state.unsavedEvents;
  if (!events.length) return;
  // The activity's input is fixed when it is scheduled, but `events` is the array later lines are
  // pushed to: read after the await, it also named lines added meanwhile (an incident reported while
  // another one's write was in flight), which were then forgotten unwritten. Runs from before the fix
  // replay with the old reading.
  const sent = patched('timeline-keeps-lines-added-in-flight') ? new Set(events.map((e) => e.seq)) : undefined;
  await records.appendCaseEvents({ caseId, workflowId, events });
  forgetWritten(state, sent ?? new Set(events.map((e) => e.seq)));
}

/** Forgets the lines a write sent; lines added while it was in flight stay for the next write. */
export function forgetWritten(state: { unsavedEvents: CaseEvent[] }, sent: ReadonlySet<number>): void {
  state.unsavedEvents = state.unsavedEvents.filter((e) => !sent.has(e.seq));
}
