import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'wouter';
import { formatDate, roleLabel } from '../format';
import type { TaskRow } from '../live';

/** Overdue first, then by due date: what must be done soonest is on top. */
export function sortTasks(tasks: TaskRow[]): TaskRow[] {
  return [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate) || a.caseId.localeCompare(b.caseId));
}

export function TaskList({ tasks, empty }: { tasks: TaskRow[]; empty: string }) {
  if (tasks.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className="plain-list" aria-label="Oppgaver">
      {sortTasks(tasks).map((t) => (
        <li key={`${t.caseId}/${t.taskId}`}>
          <Card data-color={t.overdue ? 'danger' : 'neutral'}>
            <Heading level={2} data-size="2xs">
              <Link href={`/saker/${t.caseId}`} asChild>
                <DsLink>{t.title}</DsLink>
              </Link>
            </Heading>
            <Paragraph>
              {t.applicantName} · sak <span className="nowrap">{t.caseId}</span>
            </Paragraph>
            <div className="row">
              {t.overdue ? (
                <Tag data-color="danger">Forfalt {formatDate(t.dueDate)}</Tag>
              ) : (
                <Paragraph data-size="sm">Frist {formatDate(t.dueDate)}</Paragraph>
              )}
              <Paragraph data-size="sm" className="meta">
                {roleLabel(t.role)}
                {t.assigneeId ? `, ${t.assigneeId}` : ''}
              </Paragraph>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
