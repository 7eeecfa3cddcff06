import { Alert, Button, Heading, Link as DsLink, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { Component, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { hasRole, logOut, signOut, useSession } from './auth';
import { HousingOfficeNav } from './housing-office-nav';
import { roleLabel } from './format';
import { CommitteeOpsSearchNav, startsOnCommittee } from './committee-ops-routes';

/** Loads on mount and when `deps` change; `reload` after an action. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: string; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (err: unknown) => live && setState({ error: err instanceof Error ? err.message : String(err), loading: false }),
    );
    return () => {
      live = false;
    };
    // The caller's deps decide when to load again; `tick` is the manual reload.
  }, [...deps, tick]);
  return { ...state, reload: useCallback(() => setTick((t) => t + 1), []) };
}

/** The page's one h1, focused after navigation so a screen reader announces the new page. */
/** The way back from a page that could not be shown: to the person's own tasks. */
export function HomeLink() {
  return (
    <Paragraph>
      <Link href="/" asChild>
        <DsLink>Gå til mine oppgaver</DsLink>
      </Link>
    </Paragraph>
  );
}

export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [location] = useLocation();
  useEffect(() => {
    ref.current?.focus();
  }, [location]);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}

export function Loading({ what }: { what: string }) {
  return <Spinner aria-label={`Henter ${what}`} data-size="md" />;
}

export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current = location === href;
  return (
    <Link href={href} asChild>
      <DsLink aria-current={current ? 'page' : undefined} className="nav-link">
        {children}
      </DsLink>
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const [location] = useLocation();
  return (
    <>
      <SkipLink href="#innhold">Hopp til hovedinnholdet</SkipLink>
      <header className="app-header">
        <div className="app-header-inner">
          <Paragraph className="app-name" asChild>
            <span>Botrygg</span>
          </Paragraph>
          {session && (
            <nav aria-label="Hovedmeny">
              <ul className="nav-list">
                {!startsOnCommittee(session) && (
                  <li>
                    <NavLink href="/">Mine oppgaver</NavLink>
                  </li>
                )}
                {hasRole(session, 'housing_officer', 'housing_office', 'follow_up_worker') && (
                  <>
                    <li>
                      <NavLink href="/saker">{hasRole(session, 'housing_officer', 'housing_office') ? 'Saker' : 'Mine saker'}</NavLink>
                    </li>
                    <li>
                      <NavLink href="/arbeidsliste">Arbeidsliste</NavLink>
                    </li>
                  </>
                )}
                <HousingOfficeNav NavLink={NavLink} />
                <CommitteeOpsSearchNav session={session} />
              </ul>
            </nav>
          )}
          {session && (
            <div className="who">
              <Paragraph data-size="sm">
                {session.name ?? session.userId} ({session.roles.map(roleLabel).join(', ')})
              </Paragraph>
              {session.mode === 'cookie' ? (
                <Button variant="tertiary" data-size="sm" onClick={() => void logOut()}>
                  Logg ut
                </Button>
              ) : (
                <Link href="/logg-inn" asChild>
                  <DsLink onClick={() => signOut()}>Bytt bruker</DsLink>
                </Link>
              )}
            </div>
          )}
        </div>
      </header>
      <main id="innhold" tabIndex={-1} className="app-main">
        <PageErrorBoundary resetKey={location}>{children}</PageErrorBoundary>
      </main>
    </>
  );
}

/** A page that throws shows a plain message and a way on, instead of a blank screen. */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="stack">
        <Heading level={1} data-size="lg">
          Noe gikk galt på denne siden
        </Heading>
        <ErrorAlert>Siden kunne ikke vises. Last siden på nytt, eller gå tilbake til oppgavene dine.</ErrorAlert>
        <HomeLink />
      </div>
    );
  }
}
