import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../api/client';
import { useSession } from '../auth';
import { formatDate, formatDateTime, formatKroner, humanDates, PHASE_LABELS, roleLabel } from '../format';
import { asLive, offeredAppealForms, offeredArrangementForms, offeredForms, type CaseResponse, type LiveCase } from '../live';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../ui';
import { DecisionsSection } from './appeal-forms';
import { ArrangementsSection } from './arrangement-forms';
import { CaseForms } from './case-forms';
import { IncidentSection } from './incident-section';
import { RentAccountLink } from './housing-office/rent-account';

/** Threats or weapons: shown before anything else on every page of the case. */
export function CautionFlag({ live }: { live: LiveCase | null }) {
  if (!live?.cautionFlag) return null;
  return (
    <Alert data-color="danger" className="caution-flag">
      <Heading level={2} data-size="xs">
        Varsel: trusler eller våpen
      </Heading>
      <Paragraph>Trusler eller våpen er meldt i denne saken {formatDate(live.cautionFlag.since)}. Ikke gå alene på besøk.</Paragraph>
    </Alert>
  );
}

/** One case: phase, what it waits for, the timeline, and the forms it can take now. */
export function CasePage({ caseId }: { caseId: string }) {
  const session = useSession();
  const loaded = useLoad(async (): Promise<CaseResponse> => {
    const { data, error } = await api.GET('/api/tenancies/{caseId}', { params: { path: { caseId } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet saken.'));
    return data;
  }, [caseId]);
  const data = loaded.data;
  // The last step's own message stays on the page even when its form is no longer offered.
  const [lastMessage, setLastMessage] = useState<{ text: string; seq: number } | null>(null);
  const lastStep = useRef<HTMLDivElement>(null);
  // The form just sent may vanish (the step is done): keyboard focus goes to its outcome, not to the page top.
  useEffect(() => {
    if (lastMessage) lastStep.current?.focus();
  }, [lastMessage]);
  const done = (text: string) => {
    setLastMessage((m) => ({ text, seq: (m?.seq ?? 0) + 1 }));
    loaded.reload();
  };
  const live = data ? asLive(data.live) : null;
  return (
    <div className="stack">
      <CautionFlag live={live} />
      <PageHeading>{data ? `${data.case.applicantName}, sak ${data.case.caseId}` : `Sak ${caseId}`}</PageHeading>
      {loaded.loading && !data && <Loading what="saken" />}
      {loaded.error && <ErrorAlert>{loaded.error}</ErrorAlert>}
      {data && (
        <>
          {data.liveError && (
            <Alert data-color="warning">
              <Paragraph>{data.liveError}</Paragraph>
            </Alert>
          )}
          <div className="row">
            <Tag data-color="accent">{live?.phaseLabel ?? PHASE_LABELS[data.case.phase] ?? data.case.phase}</Tag>
            {data.case.status === 'closed' && <Tag data-color="neutral">Avsluttet{data.case.closedReason ? `: ${data.case.closedReason}` : ''}</Tag>}
            {live?.monthlyRentOre !== undefined && <Paragraph data-size="sm">Husleie {formatKroner(live.monthlyRentOre)} i måneden</Paragraph>}
            {live?.moveInDate && <RentAccountLink caseId={caseId} />}
          </div>
          <WaitingFor live={live} />
          <div role="status" className="last-step" ref={lastStep} tabIndex={-1}>
            {lastMessage && (
              <Alert data-color="success">
                <Paragraph>{humanDates(lastMessage.text)}</Paragraph>
              </Alert>
            )}
          </div>
          <CaseForms
            caseId={caseId}
            live={live}
            forms={offeredForms(live, session?.roles ?? [], session?.userId)}
            onDone={done}
          />
          <DecisionsSection caseId={caseId} live={live} offered={offeredAppealForms(live, session?.roles ?? [])} onDone={done} />
          <ArrangementsSection caseId={caseId} arrangements={data.arrangements} forms={offeredArrangementForms(live, session?.roles ?? [])} onDone={done} />
          <IncidentSection
            caseId={caseId}
            live={live}
            refresh={data}
            onDone={done}
          />
          <section aria-labelledby="tidslinje" className="stack">
            <Heading level={2} data-size="sm" id="tidslinje">
              Tidslinje
            </Heading>
            <ol className="plain-list timeline">
              {[...data.timeline].reverse().map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  <Paragraph>
                    {humanDates(e.summary)}
                    {e.actorId ? <span className="meta"> ({e.actorId})</span> : null}
                  </Paragraph>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

function WaitingFor({ live }: { live: LiveCase | null }) {
  const tasks = live?.waitingFor?.tasks ?? [];
  const timers = live?.waitingFor?.timers ?? [];
  return (
    <section aria-labelledby="venter-pa" className="stack">
      <Heading level={2} data-size="sm" id="venter-pa">
        Venter på
      </Heading>
      {tasks.length === 0 && timers.length === 0 && <Paragraph>Saken venter ikke på noe nå.</Paragraph>}
      {tasks.length > 0 && (
        <ul className="plain-list" aria-label="Åpne oppgaver i saken">
          {tasks.map((t) => (
            <li key={t.id}>
              <Card data-color={t.overdue ? 'danger' : 'neutral'}>
                <Paragraph>
                  <strong>{humanDates(t.title)}</strong>
                </Paragraph>
                <Paragraph data-size="sm">
                  {roleLabel(t.role)}
                  {t.assigneeId ? ` (${t.assigneeId})` : ''} · {t.overdue ? 'forfalt ' : 'frist '}
                  {formatDate(t.dueDate)}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {timers.length > 0 && (
        <ul className="plain-list" aria-label="Det saken gjør av seg selv">
          {timers.map((t) => (
            <li key={`${t.at}-${t.reason}`}>
              <Paragraph data-size="sm">
                {formatDateTime(t.at)}: {humanDates(t.reason)}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
