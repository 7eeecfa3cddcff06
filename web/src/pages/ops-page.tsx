import { Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { api, errorText } from '../api/client';
import type { paths } from '../api/schema';
import { EFFECTS } from '../committee/types';
import { formatDate, formatDateTime, formatKroner, humanDates, PHASE_LABELS, roleLabel } from '../format';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../ui';

type Overview = paths['/api/ops/overview']['get']['responses'][200]['content']['application/json'];

const AGE_LABELS: Record<string, string> = { '1-5': '1–5 dager', '6-30': '6–30 dager', '31-60': '31–60 dager', '61-90': '61–90 dager', over90: 'Over 90 dager' };
const LEVEL_LABELS = ['Ingen eskalering', 'Nivå 1', 'Nivå 2', 'Nivå 3', 'Nivå 4', 'Nivå 5'];
const SUBMISSION_KINDS: Record<string, string> = { incident: 'Hendelse', application: 'Søknad' };

/** Links into Temporal's UI: one workflow, or the list filtered on Botrygg's search attributes. */
function temporalLinks(t: Overview['temporal']) {
  const base = t.uiUrl ? `${t.uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(t.namespace)}/workflows` : null;
  return {
    workflow: (workflowId: string) => (base ? `${base}/${encodeURIComponent(workflowId)}` : null),
    list: (query: string) => (base ? `${base}?query=${encodeURIComponent(query)}` : null),
  };
}

function ExternalLink({ href, children }: { href: string | null; children: ReactNode }) {
  if (!href) return <>{children}</>;
  return (
    <DsLink href={href} target="_blank" rel="noreferrer">
      {children}
      <span className="visually-hidden"> (åpnes i Temporal i ny fane)</span>
    </DsLink>
  );
}

/**
 * A chart with its numbers as a table beside it: the table is the text alternative (screen readers
 * and keyboard read it); the drawing is hidden from them and not focusable.
 */
function ChartWithTable({ id, title, rows, unit, link, empty }: { id: string; title: string; rows: Array<{ label: string; short?: string; value: number; href?: string | null }>; unit: string; link?: boolean; empty?: string }) {
  if (rows.length === 0) {
    return (
      <section aria-labelledby={id} className="stack ops-chart">
        <Heading level={2} data-size="sm" id={id}>
          {title}
        </Heading>
        <Paragraph>{empty ?? 'Ingen.'}</Paragraph>
      </section>
    );
  }
  // The axis gets the short label (a ladder step's label is a sentence); the table has the whole.
  const data = rows.map((r) => ({ ...r, axis: r.short ?? r.label }));
  return (
    <section aria-labelledby={id} className="stack ops-chart">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      <div aria-hidden="true" className="chart">
        <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 36 + 40)}>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="axis" width={120} tick={{ fontSize: 12 }} />
            <Bar dataKey="value" fill="#0062ba" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table data-size="sm" className="ops-table">
        <caption>{title} (tall)</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{link ? 'Gruppe (filter i Temporal)' : 'Gruppe'}</Table.HeaderCell>
            <Table.HeaderCell>{unit}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.label}>
              <Table.Cell>{link ? <ExternalLink href={r.href ?? null}>{r.label}</ExternalLink> : r.label}</Table.Cell>
              <Table.Cell>{r.value}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

/** The ops (drift) overview of the municipality: the processes at a glance, from the read model. */
export default function OpsPage() {
  const loaded = useLoad(async (): Promise<Overview> => {
    const { data, error } = await api.GET('/api/ops/overview', {});
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet driftsoversikten.'));
    return data;
  }, []);
  const o = loaded.data;
  const links = o ? temporalLinks(o.temporal) : null;
  const inMunicipality = o ? `BotryggMunicipality="${o.municipality}"` : '';
  return (
    <div className="stack">
      <PageHeading>Driftsoversikt</PageHeading>
      {loaded.loading && !o && <Loading what="driftsoversikten" />}
      {loaded.error && <ErrorAlert>{loaded.error}</ErrorAlert>}
      {o && links && (
        <>
          <Paragraph>
            Tall for {o.municipality} per {formatDate(o.asOf)}, fra Botryggs lesemodell.{' '}
            {o.temporal.uiUrl ? (
              <ExternalLink href={links.list(`${inMunicipality} AND ExecutionStatus="Running"`)}>Alle aktive arbeidsflyter i Temporal</ExternalLink>
            ) : (
              'Temporal UI er ikke satt opp (TEMPORAL_UI_URL), så sakene lenker ikke til arbeidsflytene.'
            )}
          </Paragraph>
          <div className="ops-grid">
            <ChartWithTable
              id="per-fase"
              title="Saker per fase"
              unit="Saker"
              link
              rows={o.byPhase.map((p) => ({ label: PHASE_LABELS[p.key] ?? p.key, value: p.cases, href: links.list(`${inMunicipality} AND BotryggPhase="${p.key}"`) }))}
            />
            <ChartWithTable
              id="eskalering"
              title="Aktive saker per eskaleringsnivå"
              unit="Saker"
              link
              rows={o.byEscalation.map((e) => ({ label: LEVEL_LABELS[e.level] ?? `Nivå ${e.level}`, value: e.cases, href: links.list(`${inMunicipality} AND BotryggEscalationLevel=${e.level}`) }))}
            />
            <ChartWithTable id="forfalte" title="Forfalte oppgaver per rolle" unit="Oppgaver" empty="Ingen forfalte oppgaver." rows={o.overdueByRole.map((r) => ({ label: roleLabel(r.role), value: r.tasks }))} />
            <ChartWithTable id="restanse-trinn" title="Husleierestanse per trinn i stigen" unit="Leieforhold" rows={o.rent.perStep.map((s, i) => (s.key === 'none' ? { label: s.label, value: s.cases } : { label: `Trinn ${i}: ${s.label}`, short: `Trinn ${i}`, value: s.cases }))} />
            <ChartWithTable id="restanse-alder" title="Restanser etter alder" unit="Leieforhold" rows={o.rent.arrearsAge.map((a) => ({ label: AGE_LABELS[a.bucket] ?? a.bucket, value: a.cases }))} />
          </div>
          <Paragraph>
            Samlet restanse {formatKroner(o.rent.totalArrearsOre)} i {o.rent.tenanciesInArrears} av {o.rent.tenancies} leieforhold.
          </Paragraph>

          <CaseTable id="forfalte-per-person" title="Forfalte oppgaver per rolle og person" empty="Ingen forfalte oppgaver." head={['Rolle', 'Tildelt', 'Oppgaver']}>
            {o.overdueByAssignee.map((r) => (
              <Table.Row key={`${r.role}/${r.assigneeId ?? ''}`}>
                <Table.Cell>{roleLabel(r.role)}</Table.Cell>
                <Table.Cell>{r.assigneeId ?? 'Ikke tildelt (rollens team)'}</Table.Cell>
                <Table.Cell>{r.tasks}</Table.Cell>
              </Table.Row>
            ))}
          </CaseTable>
          <CaseTable id="eldste-frister" title="Eldste frister som venter" empty="Ingen åpne oppgaver." head={['Frist', 'Oppgave', 'Rolle', 'Sak']}>
            {o.oldestDeadlines.map((t) => (
              <Table.Row key={`${t.caseId}/${t.taskId}`}>
                <Table.Cell>
                  {formatDate(t.dueDate)}
                  {t.overdue ? ' (forfalt)' : ''}
                </Table.Cell>
                <Table.Cell>{humanDates(t.title)}</Table.Cell>
                <Table.Cell>{roleLabel(t.role)}</Table.Cell>
                <Table.Cell>
                  <ExternalLink href={links.workflow(t.workflowId)}>{t.caseId}</ExternalLink>
                </Table.Cell>
              </Table.Row>
            ))}
          </CaseTable>
          <CaseTable id="skjema-venter" title={`Skjema som venter på levering (${o.submissionsWaiting.total})`} empty="Ingen skjema venter." head={['Mottatt', 'Skjema', 'Forsøk', 'Sak']}>
            {o.submissionsWaiting.oldest.map((s) => (
              <Table.Row key={`${s.caseId}/${s.receivedAt}`}>
                <Table.Cell>{formatDateTime(s.receivedAt)}</Table.Cell>
                <Table.Cell>{SUBMISSION_KINDS[s.kind] ?? s.kind}</Table.Cell>
                <Table.Cell>{s.attempts}</Table.Cell>
                <Table.Cell>
                  <ExternalLink href={links.workflow(s.workflowId)}>{s.caseId}</ExternalLink>
                </Table.Cell>
              </Table.Row>
            ))}
          </CaseTable>
          <CaseTable id="varsler-feilet" title={`Varsler som ikke ble sendt (${o.failedNotices.total})`} empty="Ingen varsler har feilet." head={['Laget', 'Forsøk', 'Feil', 'Sak']}>
            {o.failedNotices.latest.map((n) => (
              <Table.Row key={n.id}>
                <Table.Cell>{formatDateTime(n.createdAt)}</Table.Cell>
                <Table.Cell>{n.attempts}</Table.Cell>
                <Table.Cell>{n.lastError ?? '–'}</Table.Cell>
                <Table.Cell>{n.caseId && n.workflowId ? <ExternalLink href={links.workflow(n.workflowId)}>{n.caseId}</ExternalLink> : 'Boligutvalget'}</Table.Cell>
              </Table.Row>
            ))}
          </CaseTable>
          <CaseTable id="avviste-beslutninger" title={`Beslutninger i boligutvalget som saken avviste (${o.refusedDecisions.length})`} empty="Ingen beslutninger er avvist." head={['Møte', 'Virkning', 'Sakens begrunnelse', 'Sak']}>
            {o.refusedDecisions.map((d) => (
              <Table.Row key={`${d.committeeId}/${d.meetingId}/${d.itemId}`}>
                <Table.Cell>{d.meetingId}</Table.Cell>
                <Table.Cell>{d.effectKind ? (EFFECTS[d.effectKind] ?? d.effectKind) : '–'}</Table.Cell>
                <Table.Cell>{humanDates(d.deliveryError)}</Table.Cell>
                <Table.Cell>
                  <ExternalLink href={links.workflow(d.workflowId)}>{d.caseId}</ExternalLink>
                </Table.Cell>
              </Table.Row>
            ))}
          </CaseTable>
        </>
      )}
    </div>
  );
}

function CaseTable({ id, title, empty, head, children }: { id: string; title: string; empty: string; head: string[]; children: ReactNode[] }) {
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        // Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too.
        <div className="table-scroll" role="region" aria-label={`${title}, tabell`} tabIndex={0}>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                {head.map((h) => (
                  <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>{children}</Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
