import { Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatDate, roleLabel } from '../format';
import type { TaskRow } from '../live';

/** Overdue first, then by due date: what must be done soonest is on top. */
export function sortTasks(tasks: TaskRow[]): TaskRow[] {
  return [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate) || a.caseId.localeCompare(b.caseId));
}

/** Tasks shown at first and per "Vis flere": a work list of a thousand tasks stays quick to open on a phone. */
export const TASKS_PER_PAGE = 50;

export function TaskList({ tasks, empty }: { tasks: TaskRow[]; empty: string }) {
  const sorted = useMemo(() => sortTasks(tasks), [tasks]);
  const [shown, setShown] = useState(TASKS_PER_PAGE);
  if (tasks.length === 0) return <Paragraph>{empty}</Paragraph>;
  const left = sorted.length - shown;
  return (
    <>
      <ul className="plain-list" aria-label="Oppgaver">
        {sorted.slice(0, shown).map((t) => (
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
      {left > 0 && (
        <div>
          <Button variant="secondary" onClick={() => setShown((n) => n + TASKS_PER_PAGE)}>
            Vis {Math.min(left, TASKS_PER_PAGE)} til ({left} igjen)
          </Button>
        </div>
      )}
    </>
  );
}
