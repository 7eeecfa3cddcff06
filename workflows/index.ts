export { tenancyWorkflow } from './tenancy';
export { incidentWorkflow } from './incident';
export { committeeWorkflow } from './committee';
export { privateRentalWorkflow } from './private-rental';
