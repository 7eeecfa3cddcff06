import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { api, errorText } from '../../api/client';
import { useSession } from '../../auth';
import { formatDate, formatKroner } from '../../format';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../../ui';

interface Figures {
  municipality: string;
  asOf: string;
  tenancies: number;
  totalArrearsOre: number;
  tenanciesInArrears: number;
  perStep: Record<string, number>;
  arrearsAge: Record<'1-5' | '6-30' | '31-60' | '61-90' | 'over90', number>;
  paymentPlans: { active: number; completed: number; broken: number };
  daysToFirstContact: { episodes: number; median?: number; max?: number };
}

const AGE_LABELS: Array<[keyof Figures['arrearsAge'], string]> = [
  ['1-5', '1–5 dager'],
  ['6-30', '6–30 dager'],
  ['31-60', '31–60 dager'],
  ['61-90', '61–90 dager'],
  ['over90', 'Over 90 dager'],
];

/** The municipality's rent figures (no names): arrears, cases per ladder step and age, payment plans, time to first contact. */
export function RentFigures() {
  const session = useSession();
  const loaded = useLoad(async () => {
    const { data, error } = await api.GET('/api/rent/figures', { params: { query: {} } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet husleietallene.'));
    const figures = data as unknown as Figures;
    // Step names from the municipality's ladder; a role that may not read it sees the steps' keys.
    const ladder = session?.roles.some((r) => ['housing_office', 'housing_officer', 'admin'].includes(r))
      ? await api.GET('/api/municipalities/{municipality}/rent-ladder', { params: { path: { municipality: figures.municipality } } })
      : undefined;
    const steps = ((ladder?.data as { steps?: Array<{ key: string; label: string }> } | undefined)?.steps ?? []).map((s) => [s.key, s.label] as const);
    return { figures, labels: new Map<string, string>([['none', 'Ingen restanse'], ...steps]) };
  }, []);
  const f = loaded.data?.figures;
  return (
    <div className="stack">
      <PageHeading>Husleietall</PageHeading>
      {loaded.loading && !f && <Loading what="husleietallene" />}
      {loaded.error && <ErrorAlert>{loaded.error}</ErrorAlert>}
      {f && loaded.data && (
        <>
          <Paragraph>
            Per {formatDate(f.asOf)}, for {f.tenancies} leieforhold med husleiekonto.
          </Paragraph>
          <dl className="facts">
            <dt>Samlet restanse</dt>
            <dd className="total-arrears">{formatKroner(f.totalArrearsOre)}</dd>
            <dt>Leieforhold med restanse</dt>
            <dd>{f.tenanciesInArrears}</dd>
            <dt>Tid fra første ubetalte husleie til første kontakt</dt>
            <dd>{f.daysToFirstContact.episodes ? `median ${f.daysToFirstContact.median} dager, lengst ${f.daysToFirstContact.max} dager (${f.daysToFirstContact.episodes} ${f.daysToFirstContact.episodes === 1 ? 'tilfelle' : 'tilfeller'})` : 'Ingen tilfeller ennå'}</dd>
          </dl>
          <FigureTable
            title="Saker per trinn på restansestigen"
            rows={Object.entries(f.perStep).map(([key, n]) => [loaded.data!.labels.get(key) ?? key, n])}
            total={f.tenancies}
          />
          <FigureTable title="Restansealder" rows={AGE_LABELS.map(([key, label]) => [label, f.arrearsAge[key]])} total={f.tenanciesInArrears} />
          <FigureTable
            title="Betalingsordninger"
            rows={[
              ['Gjelder', f.paymentPlans.active],
              ['Fullført', f.paymentPlans.completed],
              ['Brutt', f.paymentPlans.broken],
            ]}
          />
        </>
      )}
    </div>
  );
}

/** A count per row with a bar, so the shape is seen at a glance; the number is always written out. */
function FigureTable({ title, rows, total }: { title: string; rows: Array<[string, number]>; total?: number }) {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <section className="stack">
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      <Table data-size="sm" className="figures">
        <caption className="visually-hidden">{title}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>Gruppe</Table.HeaderCell>
            <Table.HeaderCell className="amount">Antall</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="visually-hidden">Stolpe</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(([label, n]) => (
            <Table.Row key={label}>
              <Table.Cell>{label}</Table.Cell>
              <Table.Cell className="amount">
                {n}
                {total ? <span className="visually-hidden"> av {total}</span> : null}
              </Table.Cell>
              <Table.Cell>
                <span className="bar" style={{ width: `${(n / max) * 100}%` }} aria-hidden="true" />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}
