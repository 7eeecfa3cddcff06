import { Paragraph } from '@digdir/designsystemet-react';
import { api, errorText } from '../api/client';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../ui';
import { TaskList } from './task-list';

/** "Mine oppgaver": the person's own open tasks, overdue first. */
export function MyTasks() {
  const tasks = useLoad(async () => {
    const { data, error } = await api.GET('/api/tasks', { params: { query: { assignee: 'me' } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet oppgavene.'));
    return data.tasks;
  }, []);
  return (
    <div className="stack">
      <PageHeading>Mine oppgaver</PageHeading>
      {tasks.loading && !tasks.data && <Loading what="oppgaver" />}
      {tasks.error && <ErrorAlert>{tasks.error}</ErrorAlert>}
      {tasks.data && (
        <>
          <Paragraph>
            {tasks.data.length === 0 ? '' : `${tasks.data.length} åpne oppgaver, ${tasks.data.filter((t) => t.overdue).length} forfalt.`}
          </Paragraph>
          <TaskList tasks={tasks.data} empty="Du har ingen åpne oppgaver." />
        </>
      )}
    </div>
  );
}
