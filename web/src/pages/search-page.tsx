import { Button, Card, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, errorText } from '../api/client';
import { formatDate, PHASE_LABELS } from '../format';
import { ErrorAlert, Loading, PageHeading } from '../ui';
import type { paths } from '../api/schema';

type Hit = paths['/api/search']['get']['responses'][200]['content']['application/json']['hits'][number];

const MATCHED: Record<Hit['matched'], string> = { case_id: 'saksnummer', kid: 'KID', name: 'navn', address: 'adresse' };

/**
 * Search for every role: name, case ID, KID or address, among the cases the person may see (the API
 * decides). The query is sent on submit only, and stays out of the page's address and history.
 */
export function SearchPage() {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<{ loading: boolean; error?: string; hits?: Hit[]; more?: boolean }>({ loading: false });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ loading: true });
    const { data, error } = await api.GET('/api/search', { params: { query: { q: query.trim() } } });
    setState(data ? { loading: false, hits: data.hits, more: data.more } : { loading: false, error: errorText(error, 'Søket gikk ikke. Prøv igjen.') });
  };
  return (
    <div className="stack">
      <PageHeading>Søk</PageHeading>
      <form role="search" aria-label="Søk etter saker" onSubmit={submit} className="search-form">
        <Textfield
          label="Navn, saksnummer, KID eller adresse"
          description="Du finner bare saker du har tilgang til."
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <div>
          <Button type="submit">Søk</Button>
        </div>
      </form>
      {state.loading && <Loading what="treff" />}
      {state.error && <ErrorAlert>{state.error}</ErrorAlert>}
      <div aria-live="polite">
        {state.hits && (
          <Paragraph>
            {state.hits.length === 0 ? 'Ingen saker passer.' : `${state.hits.length}${state.more ? ' eller flere' : ''} ${state.hits.length === 1 ? 'sak' : 'saker'} passer.`}
            {state.more ? ' Skriv mer for å snevre inn søket.' : ''}
          </Paragraph>
        )}
      </div>
      {!!state.hits?.length && (
        <ul className="plain-list" aria-label="Treff">
          {state.hits.map((h) => (
            <li key={h.caseId}>
              <Card data-color="neutral">
                <Heading level={2} data-size="2xs">
                  <Link href={`/saker/${h.caseId}`} asChild>
                    <DsLink>{h.applicantName}</DsLink>
                  </Link>
                </Heading>
                <div className="row">
                  <Paragraph data-size="sm">
                    Sak <span className="nowrap">{h.caseId}</span>
                  </Paragraph>
                  <Tag data-color={h.status === 'closed' ? 'neutral' : 'accent'}>{PHASE_LABELS[h.phase] ?? h.phase}</Tag>
                  {h.nextDeadline && <Paragraph data-size="sm">Neste frist {formatDate(h.nextDeadline)}</Paragraph>}
                </div>
                {h.address && <Paragraph data-size="sm">{h.address}</Paragraph>}
                {h.kid && (
                  <Paragraph data-size="sm">
                    KID <span className="nowrap">{h.kid}</span>
                  </Paragraph>
                )}
                <Paragraph data-size="sm" className="meta">
                  Treff på {MATCHED[h.matched]}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
