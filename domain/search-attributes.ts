import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes the ops staff filter on in Temporal's UI. Registered by the dev server
 * at start (scripts/start.ts) and by the compose job in production: a name here must never change.
 */
export const PhaseKey = defineSearchAttributeKey('BotryggPhase', SearchAttributeType.KEYWORD);
export const FollowUpWorkerKey = defineSearchAttributeKey('BotryggFollowUpWorker', SearchAttributeType.KEYWORD);
export const EscalationLevelKey = defineSearchAttributeKey('BotryggEscalationLevel', SearchAttributeType.INT);
export const MunicipalityKey = defineSearchAttributeKey('BotryggMunicipality', SearchAttributeType.KEYWORD);
export const NextDeadlineKey = defineSearchAttributeKey('BotryggNextDeadline', SearchAttributeType.DATETIME);
export const CaseKindKey = defineSearchAttributeKey('BotryggCaseKind', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [
  PhaseKey,
  FollowUpWorkerKey,
  EscalationLevelKey,
  MunicipalityKey,
  NextDeadlineKey,
  CaseKindKey,
] as const;

/** `--search-attribute Name=Type` arguments for `temporal server start-dev`. */
export function devServerSearchAttributeArgs(): string[] {
  const cliType: Record<string, string> = {
    [SearchAttributeType.KEYWORD]: 'Keyword',
    [SearchAttributeType.INT]: 'Int',
    [SearchAttributeType.DATETIME]: 'Datetime',
  };
  return SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${cliType[k.type]}`]);
}
