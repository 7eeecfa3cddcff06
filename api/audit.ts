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
