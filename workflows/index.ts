export { tenancyWorkflow } from './tenancy';
export { incidentWorkflow } from './incident';
export { committeeWorkflow } from './committee';
