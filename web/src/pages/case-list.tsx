import { Card, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, errorText } from '../api/client';
import { hasRole, useSession } from '../auth';
import { formatDate, PHASE_LABELS } from '../format';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../ui';

/** Cases this person may see: a follow-up worker's own, the housing office's whole municipality. */
export function CaseList() {
  const session = useSession();
  const own = !hasRole(session, 'housing_officer', 'housing_office');
  const [query, setQuery] = useState('');
  const cases = useLoad(async () => {
    const { data, error } = await api.GET('/api/tenancies', { params: { query: { limit: 200 } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet sakene.'));
    return data.cases;
  }, []);
  // Filtered here among the cases one may see (the API has no search yet); words match in any order.
  const needle = query.trim().toLocaleLowerCase('nb');
  const shown = cases.data?.filter((c) => needle.split(/\s+/).every((w) => `${c.applicantName} ${c.caseId}`.toLocaleLowerCase('nb').includes(w)));
  return (
    <div className="stack">
      <PageHeading>{own ? 'Mine saker' : 'Saker'}</PageHeading>
      {cases.loading && !cases.data && <Loading what="saker" />}
      {cases.error && <ErrorAlert>{cases.error}</ErrorAlert>}
      <Textfield label="Søk på navn eller saksnummer" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      {shown && (
        <Paragraph aria-live="polite">
          {shown.length === 0 ? 'Ingen saker passer.' : `${shown.length} ${shown.length === 1 ? 'sak' : 'saker'}${needle ? ' passer' : ''}.`}
        </Paragraph>
      )}
      <ul className="plain-list" aria-label="Saker">
        {shown?.map((c) => (
          <li key={c.caseId}>
            <Card data-color="neutral">
              <Heading level={2} data-size="2xs">
                <Link href={`/saker/${c.caseId}`} asChild>
                  <DsLink>{c.applicantName}</DsLink>
                </Link>
              </Heading>
              <div className="row">
                <Paragraph data-size="sm">
                  Sak <span className="nowrap">{c.caseId}</span>
                </Paragraph>
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
