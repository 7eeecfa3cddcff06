import { lazy, Suspense } from 'react';
import { Route } from 'wouter';
import { hasRole, type Session } from './auth';
import { CommitteeList, CommitteePage, SECRETARY_ROLES } from './pages/committee-page';
import { MeetingPage } from './pages/meeting-page';
import { SearchPage } from './pages/search-page';
import { Loading, NavLink } from './ui';

// The ops page brings the chart library: loaded when opened, so the first page stays small.
const OpsPage = lazy(() => import('./pages/ops-page'));

/** Committee, ops and search: their routes, kept in one file apart from the rest of the app's. */
export const committeeOpsSearchRoutes = [
  <Route key="sok" path="/sok" component={SearchPage} />,
  <Route key="boligutvalg" path="/boligutvalg" component={CommitteeList} />,
  <Route key="utvalg" path="/boligutvalg/:committeeId">{(p) => <CommitteePage committeeId={p.committeeId} />}</Route>,
  <Route key="mote" path="/boligutvalg/:committeeId/moter/:meetingId">{(p) => <MeetingPage committeeId={p.committeeId} meetingId={p.meetingId} />}</Route>,
  <Route key="drift" path="/drift">
    {() => (
      <Suspense fallback={<Loading what="driftsoversikten" />}>
        <OpsPage />
      </Suspense>
    )}
  </Route>,
];

const SEARCH_ROLES = ['housing_officer', 'housing_office', 'follow_up_worker', 'department_head', 'administrative_officer'];
const COMMITTEE_READERS = ['committee_member', 'housing_office', 'housing_officer'];

/** A committee member without case work starts on the committee, not on a task list they cannot have. */
export const startsOnCommittee = (s: Session | null): boolean => !!s && s.roles.includes('committee_member') && !hasRole(s, ...SEARCH_ROLES);

export function CommitteeOpsSearchNav({ session }: { session: Session | null }) {
  return (
    <>
      {hasRole(session, ...SEARCH_ROLES) && (
        <li>
          <NavLink href="/sok">Søk</NavLink>
        </li>
      )}
      {hasRole(session, ...COMMITTEE_READERS, ...SECRETARY_ROLES) && (
        <li>
          <NavLink href="/boligutvalg">Boligutvalg</NavLink>
        </li>
      )}
      {hasRole(session, 'housing_office') && (
        <li>
          <NavLink href="/drift">Drift</NavLink>
        </li>
      )}
    </>
  );
}
