import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'wouter';
import { api, errorText } from '../api/client';
import { hasRole, useSession } from '../auth';
import { formatDate, PHASE_LABELS } from '../format';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../ui';

/** Cases this person may see: a follow-up worker's own, the housing office's whole municipality. */
export function CaseList() {
  const session = useSession();
  const own = !hasRole(session, 'housing_officer', 'housing_office');
  const cases = useLoad(async () => {
    const { data, error } = await api.GET('/api/tenancies', { params: { query: { limit: 200 } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet sakene.'));
    return data.cases;
  }, []);
  return (
    <div className="stack">
      <PageHeading>{own ? 'Mine saker' : 'Saker'}</PageHeading>
      {cases.loading && !cases.data && <Loading what="saker" />}
      {cases.error && <ErrorAlert>{cases.error}</ErrorAlert>}
      {cases.data?.length === 0 && <Paragraph>Ingen saker.</Paragraph>}
      <ul className="plain-list" aria-label="Saker">
        {cases.data?.map((c) => (
          <li key={c.caseId}>
            <Card data-color="neutral">
              <Heading level={2} data-size="2xs">
                <Link href={`/saker/${c.caseId}`} asChild>
                  <DsLink>{c.applicantName}</DsLink>
                </Link>
              </Heading>
              <div className="row">
                <Paragraph data-size="sm">Sak {c.caseId}</Paragraph>
                <Tag data-color={c.status === 'closed' ? 'neutral' : 'accent'}>{PHASE_LABELS[c.phase] ?? c.phase}</Tag>
                {c.nextDeadline && <Paragraph data-size="sm">Neste frist {formatDate(c.nextDeadline)}</Paragraph>}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
