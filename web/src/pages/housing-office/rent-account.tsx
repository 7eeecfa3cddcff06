import { Alert, Card, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'wouter';
import { api, errorText } from '../../api/client';
import { formatDate, formatKroner } from '../../format';
import { asLive, type CaseResponse } from '../../live';
import { ENTRY_KIND_LABELS, formatPeriod, LADDER_ACTION_LABELS, nextOnLadder, type EpisodeView, type LadderStepDef, type SummaryView } from '../../rent-account';
import { useEffect, useRef, useState } from 'react';
import { hasRole, useSession } from '../../auth';
import { humanDates } from '../../format';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../../ui';
import { CautionFlag } from '../case-page';
import { PaymentPlanForm } from './payment-plan-form';

interface RentResponse {
  caseId: string;
  kid: string | null;
  summary: SummaryView & { chargedOre: number; paidOre: number; allowanceOre: number };
  settlements: Array<{ period: string; dueDate: string; rentOre: number; allowanceOre: number; tenantShareOre: number; tenantPaidOre: number; outstandingOre: number }>;
  ladder: null | { version: number; definition: { steps: LadderStepDef[]; graceDays: number }; step: string | null; episode: EpisodeView | null };
  entries: Array<{ id: string; kind: string; amountOre: number; date: string; period?: string; dueDate?: string }>;
}

/** The rent account of one case: balance, arrears age, the ladder step and what comes next, the payment plan, the ledger. */
export function RentAccount({ caseId }: { caseId: string }) {
  const loaded = useLoad(async () => {
    const [rent, tenancy] = await Promise.all([
      api.GET('/api/tenancies/{caseId}/rent', { params: { path: { caseId }, query: {} } }),
      api.GET('/api/tenancies/{caseId}', { params: { path: { caseId } } }),
    ]);
    if (!rent.data) throw new Error(errorText(rent.error, 'Fikk ikke hentet husleiekontoen.'));
    return { rent: rent.data as unknown as RentResponse, tenancy: tenancy.data as CaseResponse | undefined };
  }, [caseId]);
  const live = loaded.data?.tenancy ? asLive(loaded.data.tenancy.live) : null;
  const session = useSession();
  const canAgreePlan = hasRole(session, 'housing_officer', 'housing_office', 'follow_up_worker');
  const [message, setMessage] = useState<{ text: string; seq: number } | null>(null);
  const lastStep = useRef<HTMLDivElement>(null);
  // The plan form goes away once a plan is active: keyboard focus goes to the case's answer.
  useEffect(() => {
    if (message) lastStep.current?.focus();
  }, [message]);
  const name = loaded.data?.tenancy?.case.applicantName;
  return (
    <div className="stack">
      <CautionFlag live={live} />
      <PageHeading>{name ? `Husleiekonto for ${name}, sak ${caseId}` : `Husleiekonto, sak ${caseId}`}</PageHeading>
      <Paragraph>
        <Link href={`/saker/${caseId}`} asChild>
          <DsLink>Tilbake til saken</DsLink>
        </Link>
      </Paragraph>
      {loaded.loading && !loaded.data && <Loading what="husleiekontoen" />}
      {loaded.error && <ErrorAlert>{loaded.error}</ErrorAlert>}
      <div role="status" className="last-step" ref={lastStep} tabIndex={-1}>
        {message && (
          <Alert data-color="success">
            <Paragraph>{humanDates(message.text)}</Paragraph>
          </Alert>
        )}
      </div>
      {loaded.data && <Account rent={loaded.data.rent} />}
      {loaded.data && canAgreePlan && planOffered(loaded.data.rent) && (
        <PaymentPlanForm
          caseId={caseId}
          overdueOre={loaded.data.rent.summary.overdueOre}
          onDone={(text) => {
            setMessage((m) => ({ text, seq: (m?.seq ?? 0) + 1 }));
            loaded.reload();
          }}
        />
      )}
    </div>
  );
}

/** A plan is offered while something is overdue on an open episode and no plan is active (the case decides in the end). */
function planOffered(rent: RentResponse): boolean {
  const episode = rent.ladder?.episode;
  return rent.summary.overdueOre > 0 && !!episode && !episode.plans.some((p) => p.status === 'active');
}

function Account({ rent }: { rent: RentResponse }) {
  const s = rent.summary;
  if (!rent.ladder && rent.entries.length === 0) return <Paragraph>Saken har ingen husleiekonto ennå. Kontoen opprettes når leietaker flytter inn.</Paragraph>;
  const steps = rent.ladder?.definition.steps ?? [];
  const current = steps.find((st) => st.key === rent.ladder?.step);
  return (
    <>
      <section aria-labelledby="saldo" className="stack">
        <Heading level={2} data-size="sm" id="saldo">
          Saldo
        </Heading>
        <dl className="facts">
          <dt>Skylder nå</dt>
          <dd className="rent-balance">{formatKroner(s.balanceOre)}</dd>
          <dt>Forfalt og ikke betalt</dt>
          <dd className="rent-overdue">{formatKroner(s.overdueOre)}</dd>
          <dt>Restansealder</dt>
          <dd>{s.overdueOre > 0 ? `${s.arrearsAgeDays} dager (eldste ubetalte forfall ${formatDate(s.oldestUnpaidDueDate ?? '')})` : 'Ingen restanse'}</dd>
          {s.creditOre > 0 && (
            <>
              <dt>Innbetalt på forskudd</dt>
              <dd>{formatKroner(s.creditOre)}</dd>
            </>
          )}
          {rent.kid && (
            <>
              <dt>KID</dt>
              <dd>{rent.kid}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="stigen" className="stack">
        <Heading level={2} data-size="sm" id="stigen">
          Restansestigen
        </Heading>
        <Paragraph className="ladder-step">
          {current ? (
            <>
              Saken står på trinnet <Tag data-color="warning">{current.label}</Tag>
            </>
          ) : (
            'Saken står ikke på restansestigen.'
          )}
        </Paragraph>
        <NextStep rent={rent} />
        {rent.ladder?.episode && rent.ladder.episode.steps.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              Dette er gjort
            </Heading>
            <ul className="plain-list">
              {rent.ladder.episode.steps.map((st) => (
                <li key={`${st.key}-${st.date}`}>
                  <Paragraph data-size="sm">
                    {formatDate(st.date)}: {steps.find((d) => d.key === st.key)?.label ?? st.key}
                    {st.actions.length ? ` (${st.actions.map((a) => LADDER_ACTION_LABELS[a] ?? a).join(', ')})` : ''}
                  </Paragraph>
                </li>
              ))}
            </ul>
          </>
        )}
        <PaymentPlans episode={rent.ladder?.episode ?? null} />
      </section>
      <section aria-labelledby="poster" className="stack">
        <Heading level={2} data-size="sm" id="poster">
          Poster
        </Heading>
        {rent.entries.length === 0 ? (
          <Paragraph>Ingen poster ennå.</Paragraph>
        ) : (
          <Table data-size="sm" className="ledger">
            <caption className="visually-hidden">Poster på husleiekontoen, nyeste først</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Dato</Table.HeaderCell>
                <Table.HeaderCell>Hva</Table.HeaderCell>
                <Table.HeaderCell className="amount">Beløp</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[...rent.entries].reverse().map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{formatDate(e.date)}</Table.Cell>
                  <Table.Cell>
                    {ENTRY_KIND_LABELS[e.kind] ?? e.kind}
                    {e.period ? ` for ${formatPeriod(e.period)}` : ''}
                  </Table.Cell>
                  <Table.Cell className="amount">{e.kind === 'charge' ? formatKroner(e.amountOre) : formatKroner(-e.amountOre)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </>
  );
}

function NextStep({ rent }: { rent: RentResponse }) {
  if (!rent.ladder) return null;
  const next = nextOnLadder(rent.ladder.definition.steps, rent.ladder.step, rent.ladder.episode, rent.summary);
  let text: string;
  switch (next.kind) {
    case 'none':
      text = 'Ingenting er forfalt. Stigen starter bare hvis husleien ikke blir betalt.';
      break;
    case 'plan':
      text = next.next
        ? `Betalingsordningen holder stigen så lenge avdragene betales. Neste avdrag er ${formatKroner(next.next.amountOre)} innen ${formatDate(next.next.dueDate)}.`
        : 'Betalingsordningen holder stigen så lenge avdragene betales.';
      break;
    case 'step':
      text = next.date
        ? `Neste trinn er «${next.step.label}» ${formatDate(next.date)}${next.earlierIfOverMonth ? ', eller tidligere hvis restansen blir mer enn én måneds leie' : ''}, hvis restansen ikke er betalt.`
        : `Neste trinn er «${next.step.label}» når ventetiden etter varselet er over, hvis restansen ikke er betalt.`;
      break;
    case 'last':
      text = 'Saken står på siste trinn. Boligutvalget tar stilling til saken.';
  }
  return (
    <Alert data-color="info" className="ladder-next">
      <Heading level={3} data-size="xs">
        Hva skjer videre
      </Heading>
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

const PLAN_STATUS: Record<string, string> = { active: 'Gjelder', completed: 'Fullført', broken: 'Brutt' };

function PaymentPlans({ episode }: { episode: EpisodeView | null }) {
  if (!episode?.plans.length) return <Paragraph>Ingen betalingsordning er avtalt.</Paragraph>;
  return (
    <>
      {episode.plans.map((plan) => (
        <Card data-color="neutral" key={plan.agreedDate}>
          <Heading level={3} data-size="xs">
            Betalingsordning avtalt {formatDate(plan.agreedDate)}: {PLAN_STATUS[plan.status] ?? plan.status}
          </Heading>
          <Paragraph data-size="sm">Restanse da den ble avtalt: {formatKroner(plan.arrearsAtAgreementOre)}.</Paragraph>
          <ul className="plain-list">
            {plan.instalments.map((i) => (
              <li key={i.dueDate}>
                <Paragraph data-size="sm">
                  {formatKroner(i.amountOre)} innen {formatDate(i.dueDate)}: {i.result === 'kept' ? 'betalt' : i.result === 'missed' ? 'ikke betalt' : 'venter'}
                </Paragraph>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </>
  );
}

/** From the case page to its rent account (once the tenant has moved in and rent runs). */
export function RentAccountLink({ caseId }: { caseId: string }) {
  return (
    <Paragraph data-size="sm">
      <Link href={`/saker/${caseId}/husleie`} asChild>
        <DsLink>Husleiekonto</DsLink>
      </Link>
    </Paragraph>
  );
}
