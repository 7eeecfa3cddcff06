import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { incidentOutcomeSignal, type IncidentOutcome } from '../workflows/messages';

/**
 * Tells a tenancy about one of its incidents. Done from an activity with the client rather than a
 * workflow-to-workflow signal, so the call is retried like any other I/O and finds the tenancy's
 * current run after a continue-as-new.
 */
export function createTenancySignalActivities({ temporal }: { temporal: Client }) {
  return {
    async reportIncidentOutcome({ tenancyWorkflowId, outcome }: { tenancyWorkflowId: string; outcome: IncidentOutcome }): Promise<'delivered' | 'tenancy_gone'> {
      try {
        await temporal.workflow.getHandle(tenancyWorkflowId).signal(incidentOutcomeSignal, outcome);
        return 'delivered';
      } catch (err) {
        // A closed tenancy keeps no incident list: nothing is lost by not telling it.
        if (err instanceof WorkflowNotFoundError) return 'tenancy_gone';
        throw err;
      }
    },
  };
}
