import { allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';

/**
 * Whether a long-lived case should hand over to a fresh run: when the server asks, at once past
 * twice `threshold` events, or past `threshold` just after waking for a timer, a quiet moment when
 * no staff action is likely to be in flight.
 */
export function historyIsLargeWhenQuiet(threshold: number, wokeForTimer: boolean): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= 2 * threshold || (wokeForTimer && info.historyLength >= threshold);
}

/**
 * Before continuing as new: updates admitted while the last write was in flight must finish in this
 * run, or they are lost; each round persists what they changed. Runs the same conditions and
 * activities as the loop it replaced, so recorded histories replay unchanged.
 */
export async function finishHandlersAndPersist(persist: () => Promise<void>): Promise<void> {
  do {
    await condition(allHandlersFinished);
    await persist();
  } while (!allHandlersFinished());
}
