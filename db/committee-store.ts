import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Member } from '../domain/committee/documents';
import type { Database } from './client';
import { committeeMembers, committees } from './schema-committee';

/**
 * Reads and writes of the committee tables shared by the API and the committee's activities.
 * Membership has history: a change closes the current row and inserts a new one.
 */

export type CommitteeRow = typeof committees.$inferSelect;
export type MemberRow = typeof committeeMembers.$inferSelect;

const ROLE_ORDER: Record<Member['role'], number> = { chair: 0, secretary: 1, member: 2 };

export function toMember(row: MemberRow): Member {
  return { id: row.memberId, name: row.name, email: row.email, agency: row.agency, role: row.role };
}

function byRoleAndName(a: Member, b: Member): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export async function findCommittee(db: Database, committeeId: string): Promise<CommitteeRow | undefined> {
  const [row] = await db.select().from(committees).where(eq(committees.id, committeeId));
  return row;
}

/** The members on the committee at `at`: chair first, then the secretary, then the rest by name. */
export async function membersAsOf(db: Database, committeeId: string, at: Date): Promise<Member[]> {
  const rows = await db
    .select()
    .from(committeeMembers)
    .where(and(eq(committeeMembers.committeeId, committeeId), lte(committeeMembers.validFrom, at), or(isNull(committeeMembers.validTo), gt(committeeMembers.validTo, at))));
  return rows.map(toMember).sort(byRoleAndName);
}

/** Every row ever, oldest first: who sat on the committee, in which role, and when. */
export async function memberHistory(db: Database, committeeId: string): Promise<MemberRow[]> {
  return db.select().from(committeeMembers).where(eq(committeeMembers.committeeId, committeeId)).orderBy(asc(committeeMembers.validFrom), asc(committeeMembers.id));
}

/**
 * Makes `members` the committee's members from `at`: rows of members who left or changed (name,
 * e-mail, service or role) are closed at `at`, and new rows start there. Unchanged members keep
 * their row. Returns how many rows were closed and opened.
 */
export async function replaceMembers(db: Database, committeeId: string, members: Member[], at: Date): Promise<{ closed: number; opened: number }> {
  return db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(committeeMembers)
      .where(and(eq(committeeMembers.committeeId, committeeId), isNull(committeeMembers.validTo)))
      .for('update');
    const same = (row: MemberRow, m: Member) => row.name === m.name && row.email === m.email && row.agency === m.agency && row.role === m.role;
    const wanted = new Map(members.map((m) => [m.id, m] as const));
    let closed = 0;
    let opened = 0;
    for (const row of current) {
      const m = wanted.get(row.memberId);
      if (m && same(row, m)) continue;
      await tx.update(committeeMembers).set({ validTo: at }).where(eq(committeeMembers.id, row.id));
      closed++;
    }
    for (const m of members) {
      const row = current.find((r) => r.memberId === m.id);
      if (row && same(row, m)) continue;
      await tx.insert(committeeMembers).values({ committeeId, memberId: m.id, name: m.name, email: m.email, agency: m.agency, role: m.role, validFrom: at });
      opened++;
    }
    return { closed, opened };
  });
}
