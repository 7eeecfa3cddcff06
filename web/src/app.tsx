import { Redirect, Route, Switch, useLocation } from 'wouter';
import { useSession, useSessionChecked } from './auth';
import { CaseList } from './pages/case-list';
import { CasePage } from './pages/case-page';
import { Login } from './pages/login';
import { MyTasks } from './pages/my-tasks';
import { NotFound } from './pages/not-found';
import { WorkList } from './pages/work-list';
import { HousingOfficeRoutes } from './housing-office-routes';
import { Layout, Loading } from './ui';
import { committeeOpsSearchRoutes, startsOnCommittee } from './committee-ops-routes';
import { CommitteeList } from './pages/committee-page';

export function App() {
  const session = useSession();
  const checked = useSessionChecked();
  const [location] = useLocation();
  if (!checked) {
    return (
      <Layout>
        <Loading what="innloggingen" />
      </Layout>
    );
  }
  return (
    <Layout>
      <Switch>
        <Route path="/logg-inn" component={Login} />
        {!session && <Redirect to={`/logg-inn${location === '/' ? '' : `?til=${encodeURIComponent(location)}`}`} />}
        <Route path="/" component={startsOnCommittee(session) ? CommitteeList : MyTasks} />
        {committeeOpsSearchRoutes}
        <Route path="/arbeidsliste" component={WorkList} />
        <Route path="/saker" component={CaseList} />
        <Route path="/saker/:caseId">{(params) => <CasePage caseId={params.caseId} />}</Route>
        {HousingOfficeRoutes()}
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}
