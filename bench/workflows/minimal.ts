import { condition, defineSignal, setHandler } from '@temporalio/workflow';

/** The baseline of the workflow-memory benchmark: the SDK's own cost of one cached workflow. */
export const pokeSignal = defineSignal('poke');

export async function minimalWorkflow(): Promise<void> {
  let pokes = 0;
  setHandler(pokeSignal, () => void pokes++);
  await condition(() => pokes < 0);
}

/** The engine's own rate: a workflow that starts and completes with nothing to do. */
export async function noopWorkflow(): Promise<void> {}
