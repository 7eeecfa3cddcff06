import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { api } from '../api/client';
import { loginUrl, signIn, useSession } from '../auth';
import { roleLabel } from '../format';
import { ErrorAlert, PageHeading, useLoad } from '../ui';

/**
 * "Logg inn": the municipality's login (OpenID Connect, through the server), and below it the
 * development users' picker, present only while the server accepts development tokens (the list is
 * empty otherwise).
 */
export function Login() {
  const [, navigate] = useLocation();
  const search = useSearch();
  const returnTo = new URLSearchParams(search).get('til') ?? '/';
  const session = useSession();
  const users = useLoad(async () => {
    const { data } = await api.GET('/api/dev-users');
    return (data?.users ?? []).filter((u) => !u.roles.includes('intake'));
  }, []);
  // Already signed in (the back button, an old bookmark): straight on.
  if (session?.mode === 'cookie') return <Redirect to={returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/'} />;
  return (
    <div className="stack">
      <PageHeading>Logg inn</PageHeading>
      <Paragraph>Du logger inn med kommunens innlogging, på samme måte som i andre fagsystemer.</Paragraph>
      <Paragraph>
        {/* A full page load, not a client route: the server sends the browser on to the identity provider. */}
        <Button asChild>
          <a href={loginUrl(returnTo)}>Logg inn</a>
        </Button>
      </Paragraph>
      {users.error && <ErrorAlert>{users.error}</ErrorAlert>}
      {!!users.data?.length && (
        <section aria-labelledby="velg-bruker" className="stack">
          <Heading level={2} data-size="sm" id="velg-bruker">
            Velg bruker (utvikling)
          </Heading>
          <Paragraph>Botrygg kjører med utviklingsnøkler. Du kan også velge hvem du vil være uten å logge inn.</Paragraph>
          <ul className="plain-list">
            {users.data.map((u) => (
              <li key={u.token}>
                <Card data-color="neutral">
                  <Heading level={3} data-size="xs">
                    {u.userId}
                  </Heading>
                  <Paragraph>
                    {u.roles.map(roleLabel).join(', ')} i {u.municipality === '*' ? 'alle kommuner' : u.municipality}
                  </Paragraph>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      signIn(u);
                      navigate(returnTo);
                    }}
                  >
                    Fortsett som {u.userId}
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
