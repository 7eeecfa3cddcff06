import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseAction, CaseActionResult } from '../domain/tenancy/actions';
import type { TenancyView } from '../domain/tenancy/view';

/**
 * Every signal, update and query, shared by workflows and API. The string names are part of
 * running workflows' histories: never rename one.
 */
export const tenancyStateQuery = defineQuery<TenancyView>('tenancyState');
export const caseActionUpdate = defineUpdate<CaseActionResult, [CaseAction]>('caseAction');

/** ApplicationFailure types, one enum for workflows, activities and the API's error mapping. */
export const FailureType = {
  InvalidTransition: 'InvalidTransition',
  NotFound: 'NotFound',
  Conflict: 'Conflict',
} as const;
