import { Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, errorText } from '../api/client';
import { useSession } from '../auth';
import { formatDate, todayInOslo } from '../format';
import { draftAgreement, signableParties, type AgreementParty, type LiveCase } from '../live';
import { useLoad } from '../ui';
import { kronerToOre } from './ending-forms';
import { ActionCard, DateField, RadioGroup, useAction, type Outcome } from './form-parts';

type Props = { caseId: string; live: LiveCase | null; onDone: (message: string) => void };

export function SignLease({ caseId, onDone }: Props) {
  const act = useAction(caseId);
  const [startDate, setStartDate] = useState(todayInOslo());
  const [signedDate, setSignedDate] = useState(todayInOslo());
  const [deposit, setDeposit] = useState('');
  const send = (key: string) => {
    const depositOre = kronerToOre(deposit);
    if (Number.isNaN(depositOre)) return Promise.resolve<Outcome>({ ok: false, message: 'Depositum må være et beløp i kroner, for eksempel 25 200.' });
    return act(key, { type: 'signLease', lease: { startDate, signedDate, ...(depositOre !== undefined ? { depositOre } : {}) } });
  };
  return (
    <ActionCard title="Signer leiekontrakt" submitLabel="Registrer leiekontrakten" onDone={onDone} send={send}>
      <Paragraph data-size="sm">Kontrakten gjelder i tre år fra startdatoen.</Paragraph>
      <DateField label="Startdato" value={startDate} onChange={setStartDate} />
      <DateField label="Signert dato" value={signedDate} onChange={setSignedDate} />
      <Textfield label="Depositum (valgfritt)" suffix="kr" inputMode="decimal" value={deposit} onChange={(e) => setDeposit(e.target.value)} />
    </ActionCard>
  );
}

export function ReviewHouseRules({ caseId, onDone }: Props) {
  const act = useAction(caseId);
  const [language, setLanguage] = useState('norsk');
  const [date, setDate] = useState(todayInOslo());
  return (
    <ActionCard title="Gå gjennom husordensreglene" submitLabel="Registrer gjennomgangen" onDone={onDone} send={(key) => act(key, { type: 'reviewHouseRules', language, reviewedDate: date })}>
      <Textfield label="Språk reglene ble gått gjennom på" value={language} onChange={(e) => setLanguage(e.target.value)} />
      <DateField label="Dato" value={date} onChange={setDate} />
    </ActionCard>
  );
}

/** The move-in checklist: confirm the points shown in the dwelling, then the tenant signs. */
export function Checklist({ caseId, live, onDone }: Props) {
  const act = useAction(caseId);
  const items = live?.checklist?.items ?? live?.policy?.checklistItems ?? [];
  const confirmed = new Set((live?.checklist?.items ?? []).filter((i) => i.confirmedDate).map((i) => i.id));
  const [chosen, setChosen] = useState<string[]>([]);
  const [date, setDate] = useState(todayInOslo());
  const allConfirmed = items.length > 0 && items.every((i) => confirmed.has(i.id));
  if (allConfirmed) {
    return (
      <ActionCard title="Signer sjekklisten" submitLabel="Registrer signaturen" onDone={onDone} send={(key) => act(key, { type: 'signChecklist', signedDate: date })}>
        <Paragraph data-size="sm">Alle punktene er bekreftet. Leietaker signerer sjekklisten.</Paragraph>
        <DateField label="Signert dato" value={date} onChange={setDate} />
      </ActionCard>
    );
  }
  const send = (key: string) =>
    chosen.length === 0
      ? Promise.resolve<Outcome>({ ok: false, message: 'Kryss av for minst ett punkt som er gått gjennom.' })
      : act(key, { type: 'confirmChecklistItems', itemIds: chosen, date }).then((r) => (r.ok && setChosen([]), r));
  return (
    <ActionCard title="Sjekkliste for boligen" submitLabel="Bekreft punktene" onDone={onDone} send={send}>
      <Fieldset>
        <Fieldset.Legend>Dette er vist og gått gjennom med leietaker</Fieldset.Legend>
        {items.map((i) =>
          confirmed.has(i.id) ? (
            <Checkbox key={i.id} label={`${i.label} (bekreftet)`} checked disabled readOnly value={i.id} />
          ) : (
            <Checkbox key={i.id} label={i.label} value={i.id} checked={chosen.includes(i.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, i.id] : c.filter((x) => x !== i.id)))} />
          ),
        )}
      </Fieldset>
      <DateField label="Dato" value={date} onChange={setDate} />
    </ActionCard>
  );
}

export function RecordHousingAllowance({ caseId, onDone }: Props) {
  const act = useAction(caseId);
  const [status, setStatus] = useState<'applied' | 'granted' | 'rejected' | 'not_applicable'>('applied');
  const [declaration, setDeclaration] = useState(false);
  const [date, setDate] = useState(todayInOslo());
  return (
    <ActionCard title="Bostøtte" submitLabel="Registrer bostøtte" onDone={onDone} send={(key) => act(key, { type: 'recordHousingAllowance', status, assignmentDeclarationSigned: declaration, date })}>
      <RadioGroup legend="Status for bostøtte" name={`allowance-${caseId}`} value={status} onChange={setStatus} options={[['applied', 'Søkt'], ['granted', 'Innvilget'], ['rejected', 'Avslått'], ['not_applicable', 'Ikke aktuelt']]} />
      <Checkbox label="Transporterklæring er signert (bostøtten utbetales til kommunen)" checked={declaration} onChange={(e) => setDeclaration(e.target.checked)} />
      <DateField label="Dato" value={date} onChange={setDate} />
    </ActionCard>
  );
}

/** The follow-up agreement from the municipality's template: optional rows chosen here, the rest always in. */
export function CreateAgreement({ caseId, live, onDone }: Props) {
  const act = useAction(caseId);
  const municipality = live?.municipality ?? '';
  const template = useLoad(async () => {
    const { data, error } = await api.GET('/api/municipalities/{municipality}/agreement-template', { params: { path: { municipality } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet malen for oppfølgingsavtale.'));
    return data;
  }, [municipality]);
  const [worker, setWorker] = useState(live?.followUpWorkerId ?? '');
  const [optional, setOptional] = useState<string[]>([]);
  const [times, setTimes] = useState('1');
  const [per, setPer] = useState<'week' | 'month'>('week');
  const [wait, setWait] = useState('30');
  const rows = template.data?.rows ?? [];
  const send = (key: string) => {
    if (!worker.trim()) return Promise.resolve<Outcome>({ ok: false, message: 'Skriv inn brukernavnet til oppfølgeren.' });
    return act(key, {
      type: 'createAgreement',
      terms: {
        followUpWorkerId: worker.trim(),
        optionalRows: rows.filter((r) => r.optional && optional.includes(r.key)).map((r) => r.key),
        visitFrequency: { times: Number(times), per },
        lockedDoorWaitMinutes: Number(wait),
        deviationWeeks: 2,
      },
    });
  };
  return (
    <ActionCard title="Lag oppfølgingsavtale" submitLabel="Lag avtalen" onDone={onDone} send={send}>
      {template.error && <Paragraph>{template.error}</Paragraph>}
      <Textfield label="Oppfølger (brukernavn)" value={worker} onChange={(e) => setWorker(e.target.value)} autoComplete="off" />
      <Textfield label="Antall besøk" type="number" inputMode="numeric" min={1} max={14} value={times} onChange={(e) => setTimes(e.target.value)} />
      <RadioGroup legend="Besøk per" name={`per-${caseId}`} value={per} onChange={setPer} options={[['week', 'Uke'], ['month', 'Måned']]} />
      <Textfield label="Ventetid ved låst dør" suffix="minutter" type="number" inputMode="numeric" min={5} value={wait} onChange={(e) => setWait(e.target.value)} />
      {rows.some((r) => r.optional) && (
        <Fieldset>
          <Fieldset.Legend>Valgfrie punkter som skal være med</Fieldset.Legend>
          <Fieldset.Description>De andre punktene i malen er alltid med.</Fieldset.Description>
          {rows
            .filter((r) => r.optional)
            .map((r) => (
              <Checkbox key={r.key} label={r.situation} value={r.key} checked={optional.includes(r.key)} onChange={(e) => setOptional((o) => (e.target.checked ? [...o, r.key] : o.filter((x) => x !== r.key)))} />
            ))}
        </Fieldset>
      )}
    </ActionCard>
  );
}

const PARTY_LABELS: Record<AgreementParty, string> = { tenant: 'Leietaker', follow_up_worker: 'Oppfølger', housing_officer: 'Boligkonsulent' };

export function SignAgreement({ caseId, live, onDone }: Props) {
  const act = useAction(caseId);
  const session = useSession();
  const draft = draftAgreement(live);
  const parties = signableParties(live, session?.roles ?? [], session?.userId ?? '');
  const [party, setParty] = useState<AgreementParty>(parties[0] ?? 'tenant');
  const [date, setDate] = useState(todayInOslo());
  const current = parties.includes(party) ? party : (parties[0] ?? 'tenant');
  const signed = draft ? (Object.entries(draft.signatures) as Array<[AgreementParty, string]>) : [];
  return (
    <ActionCard title={`Signer oppfølgingsavtalen (versjon ${draft?.version ?? ''})`} submitLabel="Registrer signaturen" onDone={onDone} send={(key) => act(key, { type: 'signAgreement', party: current, date })}>
      <Paragraph data-size="sm">{signed.length === 0 ? 'Ingen har signert ennå.' : `Signert: ${signed.map(([p, d]) => `${PARTY_LABELS[p]} ${formatDate(d)}`).join(', ')}.`}</Paragraph>
      <RadioGroup legend="Hvem signerer?" name={`party-${caseId}`} value={current} onChange={setParty} options={parties.map((p) => [p, PARTY_LABELS[p]] as [AgreementParty, string])} />
      <DateField label="Dato" value={date} onChange={setDate} />
    </ActionCard>
  );
}

export function RecordMoveIn({ caseId, onDone }: Props) {
  const act = useAction(caseId);
  const [date, setDate] = useState(todayInOslo());
  return (
    <ActionCard title="Registrer innflytting" submitLabel="Registrer innflyttingen" onDone={onDone} send={(key) => act(key, { type: 'recordMoveIn', moveInDate: date })}>
      <DateField label="Innflyttingsdato" value={date} onChange={setDate} />
    </ActionCard>
  );
}
