export { tenancyWorkflow } from './tenancy';
export { incidentWorkflow } from './incident';
