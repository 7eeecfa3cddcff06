import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, errorText } from '../api/client';
import { useSession } from '../auth';
import { roleLabel } from '../format';
import type { paths } from '../api/schema';
import type { TaskRow } from '../live';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../ui';
import { TaskList } from './task-list';

type Role = NonNullable<NonNullable<paths['/api/tasks']['get']['parameters']['query']>['role']>;
const WORK_ROLES: Role[] = ['housing_officer', 'housing_office', 'follow_up_worker', 'department_head', 'administrative_officer'];

/** The role's work list: every open task for the role in the municipality (the API narrows it to need-to-know). */
export function WorkList() {
  const session = useSession();
  const own = WORK_ROLES.filter((r) => session?.roles.includes(r));
  const [role, setRole] = useState<Role>(own[0] ?? 'housing_officer');
  const tasks = useLoad(async (): Promise<TaskRow[]> => {
    const { data, error } = await api.GET('/api/tasks', { params: { query: { role } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet arbeidslisten.'));
    return data.tasks;
  }, [role]);
  return (
    <div className="stack">
      <PageHeading>Arbeidsliste for {roleLabel(role).toLowerCase()}</PageHeading>
      <Field>
        <Label>Rolle</Label>
        <Select value={role} onChange={(e) => setRole(e.target.value as Role)} width="auto">
          {(own.length > 0 ? own : WORK_ROLES).map((r) => (
            <Select.Option key={r} value={r}>
              {roleLabel(r)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {tasks.loading && !tasks.data && <Loading what="arbeidslisten" />}
      {tasks.error && <ErrorAlert>{tasks.error}</ErrorAlert>}
      {tasks.data && (
        <>
          <Paragraph>
            {tasks.data.length} åpne oppgaver, {tasks.data.filter((t) => t.overdue).length} forfalt.
          </Paragraph>
          <TaskList tasks={tasks.data} empty="Ingen åpne oppgaver for rollen." />
        </>
      )}
    </div>
  );
}
