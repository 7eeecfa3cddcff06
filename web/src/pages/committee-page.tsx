import { Alert, Card, Details, Heading, Link as DsLink, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, Redirect } from 'wouter';
import { api, errorText } from '../api/client';
import { hasRole, useSession } from '../auth';
import { EFFECTS, meetingHref, MEETING_STATUS, type CommitteeDetail, type DecisionRow, type MeetingSummary } from '../committee/types';
import { formatDate, humanDates } from '../format';
import { ErrorAlert, HomeLink, Loading, PageHeading, useLoad } from '../ui';
import { ActionCard, DateField, RadioGroup, type Outcome } from './form-parts';

/** Those who may move and cancel meetings, edit agendas and keep minutes (the API decides). */
export const SECRETARY_ROLES = ['committee_member', 'housing_office'];

/** «Boligutvalg»: the municipality's committees; with one, straight to it. */
export function CommitteeList() {
  const list = useLoad(async () => {
    const { data, error } = await api.GET('/api/committees', {});
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet boligutvalgene.'));
    return data.committees as Array<{ id: string; name: string }>;
  }, []);
  if (list.data?.length === 1) return <Redirect to={`/boligutvalg/${list.data[0]!.id}`} replace />;
  return (
    <div className="stack">
      <PageHeading>Boligutvalg</PageHeading>
      {list.loading && !list.data && <Loading what="boligutvalgene" />}
      {list.error && <ErrorAlert>{list.error}</ErrorAlert>}
      {list.data?.length === 0 && <Paragraph>Kommunen har ikke opprettet noe boligutvalg i Botrygg ennå.</Paragraph>}
      <ul className="plain-list">
        {list.data?.map((c) => (
          <li key={c.id}>
            <Link href={`/boligutvalg/${c.id}`} asChild>
              <DsLink>{c.name}</DsLink>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

const when = (m: Pick<MeetingSummary, 'date' | 'time'>) => `${formatDate(m.date)} kl. ${m.time.replace(':', '.')}`;

async function loadDecisions(committeeId: string, status: 'overdue' | 'refused'): Promise<DecisionRow[]> {
  const { data, error } = await api.GET('/api/committees/{committeeId}/decisions', { params: { path: { committeeId }, query: { status } } });
  if (!data) throw new Error(errorText(error, 'Fikk ikke hentet beslutningene.'));
  return data.decisions;
}

/** One committee: coming meetings (move, cancel), recent meetings, decisions past their deadline and those a case refused. */
export function CommitteePage({ committeeId }: { committeeId: string }) {
  const session = useSession();
  const secretary = hasRole(session, ...SECRETARY_ROLES);
  const [message, setMessage] = useState<string | null>(null);
  const detail = useLoad(async (): Promise<CommitteeDetail> => {
    const { data, error } = await api.GET('/api/committees/{committeeId}', { params: { path: { committeeId } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet boligutvalget.'));
    return data as unknown as CommitteeDetail;
  }, [committeeId]);
  const overdue = useLoad(() => loadDecisions(committeeId, 'overdue'), [committeeId]);
  const refused = useLoad(() => loadDecisions(committeeId, 'refused'), [committeeId]);
  const d = detail.data;
  const upcomingIds = new Set(d?.upcoming.map((m) => m.id));
  const earlier = (d?.meetings ?? []).filter((m) => !upcomingIds.has(m.id)).reverse();
  const done = (text: string) => {
    setMessage(text);
    detail.reload();
  };
  return (
    <div className="stack">
      <PageHeading>{d ? d.committee.name : 'Boligutvalget'}</PageHeading>
      {detail.loading && !d && <Loading what="boligutvalget" />}
      {detail.error && (
        <>
          <ErrorAlert>{detail.error}</ErrorAlert>
          <HomeLink />
        </>
      )}
      {d && (
        <>
          <Paragraph>
            Møtes hver {d.committee.cycle.intervalDays}. dag kl. {d.committee.cycle.time.replace(':', '.')}, {d.committee.cycle.location}. Sakslisten lages {d.committee.agendaCutoffDays} dager før møtet.
          </Paragraph>
          {d.liveError && (
            <Alert data-color="warning">
              <Paragraph>{d.liveError}</Paragraph>
            </Alert>
          )}
          <div role="status" className="last-step">
            {message && (
              <Alert data-color="success">
                <Paragraph>{humanDates(message)}</Paragraph>
              </Alert>
            )}
          </div>
          {d.holidayConflicts.filter((c) => !c.handled).map((c) => (
            <Alert key={c.regularDate} data-color="warning">
              <Paragraph>{humanDates(c.message)}</Paragraph>
            </Alert>
          ))}
          <section aria-labelledby="kommende" className="stack">
            <Heading level={2} data-size="sm" id="kommende">
              Kommende møter
            </Heading>
            {d.upcoming.length === 0 && <Paragraph>Ingen møter de neste fire månedene.</Paragraph>}
            <ul className="plain-list" aria-label="Kommende møter">
              {d.upcoming.map((m) => (
                <li key={m.id}>
                  <Card data-color={m.status === 'cancelled' ? 'neutral' : 'accent'}>
                    {/* Blocks: the details below would otherwise take the card's padding from the heading. */}
                    <Card.Block>
                      <Heading level={3} data-size="2xs">
                        <Link href={meetingHref(committeeId, m.id)} asChild>
                          <DsLink>Møte {when(m)}</DsLink>
                        </Link>
                      </Heading>
                      <div className="row">
                        <Tag data-color={m.status === 'cancelled' ? 'danger' : 'info'}>{MEETING_STATUS[m.status] ?? m.status}</Tag>
                        {m.kind === 'extra' && <Tag data-color="warning">Ekstra møte</Tag>}
                        {m.regularDate && m.regularDate !== m.date && <Paragraph data-size="sm">Flyttet fra {formatDate(m.regularDate)}</Paragraph>}
                      </div>
                      {m.note && <Paragraph data-size="sm">Begrunnelse: {m.note}</Paragraph>}
                    </Card.Block>
                    {secretary && m.kind === 'regular' && m.status !== 'cancelled' && <ChangeOccurrence committeeId={committeeId} meeting={m} onDone={done} />}
                  </Card>
                </li>
              ))}
            </ul>
          </section>
          {earlier.length > 0 && (
            <section aria-labelledby="tidligere" className="stack">
              <Heading level={2} data-size="sm" id="tidligere">
                Tidligere møter
              </Heading>
              <ul className="plain-list" aria-label="Tidligere møter">
                {earlier.map((m) => (
                  <li key={m.id}>
                    <Link href={meetingHref(committeeId, m.id)} asChild>
                      <DsLink>Møte {when(m)}</DsLink>
                    </Link>{' '}
                    <span className="meta">({MEETING_STATUS[m.status] ?? m.status})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <DecisionTable
        id="over-fristen"
        title="Beslutninger over fristen"
        empty="Ingen beslutninger har gått over fristen."
        committeeId={committeeId}
        loaded={overdue}
        detail={(r) => `Frist ${r.deadline ? formatDate(r.deadline) : '–'}`}
      />
      <DecisionTable
        id="avvist"
        title="Beslutninger saken avviste"
        empty="Ingen saker har avvist en beslutning."
        committeeId={committeeId}
        loaded={refused}
        detail={(r) => humanDates(r.deliveryError ?? '')}
      />
    </div>
  );
}

function DecisionTable({ id, title, empty, committeeId, loaded, detail }: { id: string; title: string; empty: string; committeeId: string; loaded: { data?: DecisionRow[]; error?: string; loading: boolean }; detail: (r: DecisionRow) => string }) {
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {loaded.loading && !loaded.data && <Loading what="beslutninger" />}
      {loaded.error && <ErrorAlert>{loaded.error}</ErrorAlert>}
      {loaded.data?.length === 0 && <Paragraph>{empty}</Paragraph>}
      {!!loaded.data?.length && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Beslutning</Table.HeaderCell>
                <Table.HeaderCell>Sak</Table.HeaderCell>
                <Table.HeaderCell>Virkning</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {loaded.data.map((r) => (
                <Table.Row key={`${r.meetingId}/${r.itemId}`}>
                  <Table.Cell>
                    <Link href={meetingHref(committeeId, r.meetingId)} asChild>
                      <DsLink>{r.text}</DsLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{r.caseId ?? '–'}</Table.Cell>
                  <Table.Cell>{r.effectKind ? (EFFECTS[r.effectKind] ?? r.effectKind) : '–'}</Table.Cell>
                  <Table.Cell>{detail(r)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

/** Move or cancel one regular meeting; the committee's own reason when it cannot be done. */
function ChangeOccurrence({ committeeId, meeting, onDone }: { committeeId: string; meeting: MeetingSummary; onDone: (message: string) => void }) {
  const regularDate = meeting.regularDate ?? meeting.date;
  const [action, setAction] = useState<'move' | 'cancel'>('move');
  const [date, setDate] = useState(meeting.date);
  const [time, setTime] = useState(meeting.time);
  const [reason, setReason] = useState('');
  const send = async (key: string): Promise<Outcome> => {
    const body = action === 'move' ? { regularDate, action, date, time, reason } : { regularDate, action, reason };
    const { data, error, response } = await api.POST('/api/committees/{committeeId}/occurrence-changes', { params: { path: { committeeId }, header: { 'Idempotency-Key': key } }, body });
    return data ? { ok: true, message: data.message } : { ok: false, message: errorText(error), status: response.status };
  };
  return (
    <Details>
      <Details.Summary>Flytt eller avlys møtet {formatDate(meeting.date)}</Details.Summary>
      <Details.Content>
        <ActionCard title={`Endre møtet ${formatDate(meeting.date)}`} submitLabel="Lagre endringen" send={send} onDone={onDone}>
          <RadioGroup legend="Hva vil du gjøre?" name={`change-${meeting.id}`} value={action} onChange={setAction} options={[['move', 'Flytte møtet'], ['cancel', 'Avlyse møtet']]} />
          {action === 'move' && (
            <>
              <DateField label="Ny dato" value={date} onChange={setDate} />
              <Textfield label="Nytt klokkeslett" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
            </>
          )}
          <Textfield label="Begrunnelse" value={reason} onChange={(e) => setReason(e.target.value)} required />
        </ActionCard>
      </Details.Content>
    </Details>
  );
}

