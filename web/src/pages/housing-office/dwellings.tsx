import { Alert, Button, Card, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { api, errorText } from '../../api/client';
import { useSession } from '../../auth';
import { formatKroner } from '../../format';
import type { Dwelling } from '../../live';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../../ui';
import { useBusy } from './busy';

/** The municipality's dwelling register: every dwelling, and a form to add one or change one (the API saves by ID). */
export function Dwellings() {
  const session = useSession();
  const municipality = session?.municipality === '*' ? undefined : session?.municipality;
  const [editing, setEditing] = useState<Dwelling | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = useLoad(async (): Promise<Dwelling[]> => {
    const { data, error } = await api.GET('/api/dwellings', { params: { query: {} } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet boligregisteret.'));
    return data.dwellings;
  }, []);
  return (
    <div className="stack">
      <PageHeading>Boliger</PageHeading>
      <Paragraph>Kommunens boligregister. Boligene kan tilbys søkere i saker.</Paragraph>
      {saved && (
        <Alert data-color="success" role="status">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      {municipality ? (
        <DwellingForm
          key={editing?.id ?? 'ny'}
          municipality={municipality}
          initial={editing}
          onSaved={(d) => {
            setSaved(`Boligen i ${d.address} er lagret.`);
            setEditing(null);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Paragraph>Du arbeider for alle kommuner og kan ikke endre en kommunes boligregister her.</Paragraph>
      )}
      {list.loading && !list.data && <Loading what="boligene" />}
      {list.error && <ErrorAlert>{list.error}</ErrorAlert>}
      {list.data?.length === 0 && <Paragraph>Boligregisteret er tomt.</Paragraph>}
      {!!list.data?.length && (
        <ul className="plain-list" aria-label="Boliger">
          {list.data.map((d) => (
            <li key={d.id}>
              <Card data-color="neutral">
                <Heading level={2} data-size="xs">
                  {d.address}
                </Heading>
                <Paragraph data-size="sm">
                  {d.rooms} rom, {d.sizeSqm} m², {d.floor === 0 ? 'bakkeplan' : d.floor < 0 ? 'kjeller' : `${d.floor}. etasje`}
                  {d.accessible ? ', tilgjengelig for rullestol' : ''}
                  {d.coLocated ? ', samlokalisert' : ''}. Husleie {formatKroner(d.monthlyRentOre)} i måneden.
                </Paragraph>
                <Paragraph data-size="sm" className="meta">
                  Bolig-ID {d.id}
                </Paragraph>
                {municipality && (
                  <div>
                    <Button variant="secondary" data-size="sm" onClick={() => setEditing(d)} aria-label={`Endre ${d.address}`}>
                      Endre
                    </Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Kroner as typed («8 500», «8500,50») to øre; undefined when it is not an amount. */
export function kronerToOre(text: string): number | undefined {
  const clean = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return undefined;
  return Math.round(Number(clean) * 100);
}

function DwellingForm({ municipality, initial, onSaved, onCancel }: { municipality: string; initial: Dwelling | null; onSaved: (d: Dwelling) => void; onCancel: () => void }) {
  const headingId = useId();
  const [f, setF] = useState({
    id: initial?.id ?? '',
    address: initial?.address ?? '',
    sizeSqm: String(initial?.sizeSqm ?? ''),
    rooms: String(initial?.rooms ?? ''),
    floor: String(initial?.floor ?? '0'),
    rent: initial ? String(initial.monthlyRentOre / 100).replace('.', ',') : '',
    accessible: initial?.accessible ?? false,
    coLocated: initial?.coLocated ?? false,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, whileBusy] = useBusy();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const monthlyRentOre = kronerToOre(f.rent);
    const ints = [f.sizeSqm, f.rooms, f.floor].map((v) => (/^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN));
    if (monthlyRentOre === undefined) return setError('Husleien må være et beløp i kroner, for eksempel 8 500.');
    if (ints.some(Number.isNaN)) return setError('Størrelse, antall rom og etasje må være hele tall.');
    const dwelling: Dwelling = { id: f.id.trim(), address: f.address.trim(), sizeSqm: ints[0]!, rooms: ints[1]!, floor: ints[2]!, accessible: f.accessible, coLocated: f.coLocated, monthlyRentOre };
    await whileBusy(
      async () => {
        const { data, error: err } = await api.PUT('/api/dwellings', { body: { ...dwelling, municipality } });
        if (data) {
          setError(null);
          onSaved(dwelling);
        } else setError(errorText(err));
      },
      () => setError('Fikk ikke kontakt med Botrygg. Prøv igjen.'),
    );
  };
  return (
    <Card data-color="neutral" className="form-card">
      <form aria-labelledby={headingId} onSubmit={submit} noValidate>
        <Heading level={2} data-size="sm" id={headingId}>
          {initial ? `Endre ${initial.address}` : 'Legg til en bolig'}
        </Heading>
        {!initial && <Textfield label="Bolig-ID" description="Kommunens egen ID for boligen, for eksempel TYN-B-014" value={f.id} onChange={set('id')} required />}
        <Textfield label="Adresse" value={f.address} onChange={set('address')} required />
        <div className="row">
          <Textfield label="Størrelse (m²)" inputMode="numeric" value={f.sizeSqm} onChange={set('sizeSqm')} required />
          <Textfield label="Antall rom" inputMode="numeric" value={f.rooms} onChange={set('rooms')} required />
          <Textfield label="Etasje" description="0 er bakkeplan" inputMode="numeric" value={f.floor} onChange={set('floor')} required />
        </div>
        <Textfield label="Husleie i måneden (kr)" inputMode="decimal" value={f.rent} onChange={set('rent')} required />
        <Checkbox label="Tilgjengelig for rullestol" checked={f.accessible} onChange={(e) => setF((x) => ({ ...x, accessible: e.target.checked }))} />
        <Checkbox label="Samlokalisert bolig" checked={f.coLocated} onChange={(e) => setF((x) => ({ ...x, coLocated: e.target.checked }))} />
        {error && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
        <div className="row">
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            {initial ? 'Lagre endringene' : 'Legg til boligen'}
          </Button>
          {initial && (
            <Button type="button" variant="tertiary" onClick={onCancel}>
              Avbryt
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
