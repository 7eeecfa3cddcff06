import type { Request } from 'express';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditAction = 'read' | 'write' | 'denied';

/**
 * Records who read or wrote personal data. Awaited before the response is sent: if the log cannot
 * be written, the data is not served.
 */
export async function audit(db: Database, req: Request, action: AuditAction, caseId: string | null, outcome: number): Promise<void> {
  const actor = req.actor;
  await db.insert(auditLog).values({
    actorId: actor?.id ?? 'anonymous',
    actorRoles: actor?.roles.join('+') ?? '',
    action,
    route: `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`,
    caseId,
    outcome,
    requestId: String(req.res?.getHeader('x-request-id') ?? ''),
  });
}

/** Reads and writes that touch several cases are logged per case; one naming no case gets one row. */
export async function auditCases(db: Database, req: Request, action: AuditAction, caseIds: Iterable<string | null | undefined>, outcome: number): Promise<void> {
  const unique = [...new Set([...caseIds].filter((c): c is string => !!c))];
  if (unique.length === 0) return audit(db, req, action, null, outcome);
  for (const caseId of unique) await audit(db, req, action, caseId, outcome);
}
