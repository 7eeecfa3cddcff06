import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLocation } from 'wouter';
import { api } from '../api/client';
import { signIn } from '../auth';
import { roleLabel } from '../format';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../ui';

/**
 * "Velg bruker": only while the server runs with development tokens (it lists none otherwise).
 * Real login replaces this page; the rest of the app only sees `auth.ts`.
 */
export function PickUser() {
  const [, navigate] = useLocation();
  const users = useLoad(async () => {
    const { data, error } = await api.GET('/api/dev-users');
    if (error || !data) throw new Error('Fikk ikke hentet brukerne.');
    return data.users.filter((u) => !u.roles.includes('intake'));
  }, []);
  return (
    <div className="stack">
      <PageHeading>Velg bruker</PageHeading>
      <Paragraph>Botrygg kjører med utviklingsnøkler. Velg hvem du vil være.</Paragraph>
      {users.loading && <Loading what="brukere" />}
      {users.error && <ErrorAlert>{users.error}</ErrorAlert>}
      {users.data?.length === 0 && <ErrorAlert>Innlogging er ikke satt opp på denne serveren.</ErrorAlert>}
      <ul className="plain-list">
        {users.data?.map((u) => (
          <li key={u.token}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs">
                {u.userId}
              </Heading>
              <Paragraph>
                {u.roles.map(roleLabel).join(', ')} i {u.municipality === '*' ? 'alle kommuner' : u.municipality}
              </Paragraph>
              <Button
                variant="secondary"
                onClick={() => {
                  signIn(u);
                  navigate('/');
                }}
              >
                Fortsett som {u.userId}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
