import { Redirect, Route, Switch } from 'wouter';
import { useSession } from './auth';
import { CaseList } from './pages/case-list';
import { CasePage } from './pages/case-page';
import { MyTasks } from './pages/my-tasks';
import { NotFound } from './pages/not-found';
import { PickUser } from './pages/pick-user';
import { WorkList } from './pages/work-list';
import { Layout } from './ui';
import { committeeOpsSearchRoutes, startsOnCommittee } from './web-a-routes';
import { CommitteeList } from './pages/committee-page';

export function App() {
  const session = useSession();
  return (
    <Layout>
      <Switch>
        <Route path="/velg-bruker" component={PickUser} />
        {!session && <Redirect to="/velg-bruker" />}
        <Route path="/" component={startsOnCommittee(session) ? CommitteeList : MyTasks} />
        {committeeOpsSearchRoutes}
        <Route path="/arbeidsliste" component={WorkList} />
        <Route path="/saker" component={CaseList} />
        <Route path="/saker/:caseId">{(params) => <CasePage caseId={params.caseId} />}</Route>
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}
