export { tenancyWorkflow } from './tenancy';
