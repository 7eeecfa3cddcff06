/**
 * Workflow time. Inside the workflow sandbox the SDK replaces `Date` with the time of the current
 * workflow task, recorded in history, so this reads the same value on replay. It is the only place
 * workflow code touches `Date`; everything else asks this module.
 */
export function workflowNow(): number {
  return Date.now();
}
