import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { api, errorText, newIdempotencyKey } from '../api/client';
import { hasRole, useSession } from '../auth';
import { agendaGroups, EFFECTS, MEETING_STATUS, type CommitteeDetail, type DecisionRow, type MeetingDetail } from '../committee/types';
import { formatDate, formatDateTime, humanDates } from '../format';
import { ErrorAlert, HomeLink, Loading, PageHeading, useLoad } from '../ui';
import { SECRETARY_ROLES } from './committee-page';
import { AddAgendaItem, MarkDecisionDone, MinutesForm } from './meeting-forms';

/** Who may open a case page from the agenda (committee members see the agenda's "why", not the case). */
const CASE_READERS = ['housing_officer', 'housing_office', 'follow_up_worker'];

/**
 * One meeting: the agenda with each item's "why" (add and remove items until the minutes are
 * taken), the minutes (attendance and one decision per item, with the effect it has on the case),
 * and each decision's delivery to its case. Prints as the minutes (print styles in styles.css).
 */
export function MeetingPage({ committeeId, meetingId }: { committeeId: string; meetingId: string }) {
  const session = useSession();
  const secretary = hasRole(session, ...SECRETARY_ROLES);
  const caseReader = hasRole(session, ...CASE_READERS);
  const [message, setMessage] = useState<{ text: string; seq: number } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const committee = useLoad(async (): Promise<CommitteeDetail> => {
    const { data, error } = await api.GET('/api/committees/{committeeId}', { params: { path: { committeeId } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet boligutvalget.'));
    return data as unknown as CommitteeDetail;
  }, [committeeId]);
  const meeting = useLoad(async (): Promise<MeetingDetail> => {
    const { data, error } = await api.GET('/api/committees/{committeeId}/meetings/{meetingId}', { params: { path: { committeeId, meetingId } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet møtet.'));
    return data as unknown as MeetingDetail;
  }, [committeeId, meetingId]);
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);
  const done = (text: string) => {
    setRefusal(null);
    setMessage((m) => ({ text, seq: (m?.seq ?? 0) + 1 }));
    meeting.reload();
  };
  const m = meeting.data;
  const members = committee.data?.members ?? [];
  const memberName = (id: string | null | undefined) => {
    const member = members.find((x) => x.id === id);
    return member ? `${member.name} (${member.agency})` : (id ?? '');
  };
  const decisionOf = (itemId: string) => m?.decisions.find((d) => d.itemId === itemId);
  const editable = secretary && !!m && !m.minutes && m.status !== 'cancelled';

  const removeItem = async (itemId: string) => {
    const { data, error } = await api.DELETE('/api/committees/{committeeId}/meetings/{meetingId}/agenda-items/{itemId}', {
      params: { path: { committeeId, meetingId, itemId }, header: { 'Idempotency-Key': newIdempotencyKey('agenda-remove') } },
    });
    if (data) done(data.message);
    else setRefusal(errorText(error));
  };

  return (
    <div className="stack meeting-page">
      <p className="print-only">{committee.data?.committee.name}</p>
      <PageHeading>{m ? `Møte ${formatDate(m.date)} kl. ${m.time.replace(':', '.')}` : 'Møte i boligutvalget'}</PageHeading>
      <Paragraph className="no-print">
        <Link href={`/boligutvalg/${committeeId}`} asChild>
          <DsLink>Tilbake til boligutvalget</DsLink>
        </Link>
      </Paragraph>
      {meeting.loading && !m && <Loading what="møtet" />}
      {meeting.error && (
        <>
          <ErrorAlert>{meeting.error}</ErrorAlert>
          <HomeLink />
        </>
      )}
      <div role="status" ref={status} tabIndex={-1} className="last-step no-print">
        {message && (
          <Alert data-color="success">
            <Paragraph>{humanDates(message.text)}</Paragraph>
          </Alert>
        )}
      </div>
      {refusal && <ErrorAlert>{refusal}</ErrorAlert>}
      {m && (
        <>
          <div className="row">
            <Tag data-color={m.status === 'cancelled' ? 'danger' : 'info'}>{MEETING_STATUS[m.status] ?? m.status}</Tag>
            <Paragraph>{m.location}</Paragraph>
          </div>
          {m.note && <Paragraph>Begrunnelse: {m.note}</Paragraph>}
          {m.minutes && (
            <div className="no-print">
              <Button variant="secondary" onClick={() => window.print()}>
                Skriv ut referatet
              </Button>
            </div>
          )}
          {m.minutes && (
            <section aria-labelledby="oppmote" className="stack">
              <Heading level={2} data-size="sm" id="oppmote">
                Til stede
              </Heading>
              <ul className="plain-list compact">
                {m.minutes.attendance.map((a) => (
                  <li key={a.memberId}>
                    {memberName(a.memberId)}: {a.present ? 'til stede' : 'ikke til stede'}
                  </li>
                ))}
              </ul>
              <Paragraph data-size="sm">
                Referatet er ført {formatDateTime(m.minutes.recordedAt)}
                {m.minutes.approvedBy ? `, godkjent av ${memberName(m.minutes.approvedBy)}` : ''}.
              </Paragraph>
            </section>
          )}
          <section aria-labelledby="saksliste" className="stack">
            <Heading level={2} data-size="sm" id="saksliste">
              Saksliste
            </Heading>
            {m.agenda.length === 0 && (
              <Paragraph>
                {m.status === 'scheduled' ? 'Sakslisten er ikke laget ennå. Den lages av sakene i kommunen før møtet; du kan sette saker på den nå.' : 'Ingen saker på sakslisten.'}
              </Paragraph>
            )}
            {agendaGroups(m.agenda).map((group) => (
              <div key={group.reason} className="stack">
                <Heading level={3} data-size="xs">
                  {group.label}
                </Heading>
                <ol className="plain-list" aria-label={group.label}>
                  {group.items.map((item) => (
                    <li key={item.id}>
                      <AgendaEntry item={item} decision={decisionOf(item.id)} caseReader={caseReader} memberName={memberName}>
                        {editable && (
                          <Button variant="tertiary" data-size="sm" className="no-print" onClick={() => removeItem(item.id)}>
                            Ta «{item.title}» av sakslisten
                          </Button>
                        )}
                        {secretary && decisionOf(item.id) && !decisionOf(item.id)!.doneAt && (
                          <MarkDecisionDone committeeId={committeeId} meetingId={meetingId} decision={decisionOf(item.id)!} onDone={done} />
                        )}
                      </AgendaEntry>
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </section>
          {editable && <AddAgendaItem committeeId={committeeId} meetingId={meetingId} onDone={done} />}
          {editable && m.agenda.length > 0 && <MinutesForm committeeId={committeeId} meeting={m} members={members} onDone={done} />}
        </>
      )}
    </div>
  );
}

function AgendaEntry({ item, decision, caseReader, memberName, children }: { item: MeetingDetail['agenda'][number]; decision?: DecisionRow; caseReader: boolean; memberName: (id: string | null) => string; children: ReactNode }) {
  return (
    <Card data-color="neutral" className="agenda-item">
      <Heading level={4} data-size="2xs">
        {item.title}
      </Heading>
      <Paragraph>
        <strong>Hvorfor:</strong> {humanDates(item.why)}
      </Paragraph>
      {item.caseId && (
        <Paragraph data-size="sm">
          Sak{' '}
          {caseReader ? (
            <Link href={`/saker/${item.caseId}`} asChild>
              <DsLink>{item.caseId}</DsLink>
            </Link>
          ) : (
            <span className="nowrap">{item.caseId}</span>
          )}
          {item.source === 'secretary' ? ' · satt på av sekretæren' : ''}
        </Paragraph>
      )}
      {decision && <DecisionView decision={decision} memberName={memberName} />}
      {children}
    </Card>
  );
}

function DecisionView({ decision: d, memberName }: { decision: DecisionRow; memberName: (id: string | null) => string }) {
  return (
    <div className="decision stack">
      <Paragraph>
        <strong>Beslutning:</strong> {d.text}
      </Paragraph>
      <Paragraph data-size="sm">
        {d.effectKind ? `Virkning i saken: ${EFFECTS[d.effectKind] ?? d.effectKind}. ` : ''}
        {d.responsibleMemberId ? `Ansvarlig: ${memberName(d.responsibleMemberId)}. ` : ''}
        {d.deadline ? `Frist: ${formatDate(d.deadline)}.` : ''}
      </Paragraph>
      {d.caseId && d.deliveryError && (
        <Alert data-color="danger">
          <Paragraph>Saken avviste beslutningen: {humanDates(d.deliveryError)}</Paragraph>
        </Alert>
      )}
      {d.caseId && !d.deliveryError && <Paragraph data-size="sm">{d.deliveredAt ? `Sendt til saken ${formatDateTime(d.deliveredAt)}.` : 'Sendes til saken.'}</Paragraph>}
      {d.doneAt && <Tag data-color="success">Meldt utført {formatDateTime(d.doneAt)}</Tag>}
    </div>
  );
}
