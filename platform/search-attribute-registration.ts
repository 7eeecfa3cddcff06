import type { Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes';

const GRPC_ALREADY_EXISTS = 6;

// A CommonJS package: under plain Node ESM only its default export is reliable.
const { IndexedValueType } = proto.temporal.api.enums.v1;

const INDEXED: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/**
 * Registers Botrygg's custom search attributes on a server that lacks them (the time-skipping test
 * server, or a cluster set up by hand). Servers reject workflows that upsert unknown attributes.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  // One call per attribute: the test server implements no listing, and "already exists" is success.
  for (const key of SEARCH_ATTRIBUTES) {
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: { [key.name]: INDEXED[key.type]! } });
    } catch (err) {
      if ((err as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw err;
    }
  }
}
