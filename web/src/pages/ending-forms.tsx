import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate, formatKroner, todayInOslo } from '../format';
import type { LiveCase } from '../live';
import { ActionCard, DateField, NoteField, RadioGroup, useAction, type Outcome } from './form-parts';

type Props = { caseId: string; live: LiveCase | null; onDone: (message: string) => void };

/** Kroner as typed («25 200» or «25 200,50») → øre; undefined when empty, NaN when not an amount. */
export function kronerToOre(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!t) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : Number.NaN;
}

const notAnAmount = (label: string): Outcome => ({ ok: false, message: `${label} må være et beløp i kroner, for eksempel 1 500.` });

export function GiveNotice({ caseId, onDone }: Props) {
  const act = useAction(caseId);
  const [givenBy, setGivenBy] = useState<'tenant' | 'landlord'>('tenant');
  const [noticeDate, setNoticeDate] = useState(todayInOslo());
  const [moveOutDate, setMoveOutDate] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionCard
      title="Oppsigelse"
      submitLabel="Registrer oppsigelsen"
      onDone={onDone}
      send={(key) => act(key, { type: 'giveNotice', givenBy, noticeDate, reason, ...(moveOutDate ? { moveOutDate } : {}) })}
    >
      <RadioGroup legend="Hvem sier opp?" name={`notice-${caseId}`} value={givenBy} onChange={setGivenBy} options={[['tenant', 'Leietaker'], ['landlord', 'Kommunen som utleier']]} />
      <DateField label="Dato for oppsigelsen" value={noticeDate} onChange={setNoticeDate} />
      <Textfield
        label="Fraflyttingsdato (valgfritt)"
        description="Tom: tidligste lovlige dato. Kommunens oppsigelse må gi minst tre måneder til utgangen av en måned (husleieloven § 9-6)."
        type="date"
        value={moveOutDate}
        onChange={(e) => setMoveOutDate(e.target.value)}
      />
      <NoteField label="Grunn" description="Minst tre tegn." value={reason} onChange={setReason} />
    </ActionCard>
  );
}

export function RecordMoveOutInspection({ caseId, live, onDone }: Props) {
  const act = useAction(caseId);
  const [date, setDate] = useState(todayInOslo());
  const [damages, setDamages] = useState('0');
  const [notes, setNotes] = useState('');
  const send = (key: string) => {
    const damagesOre = kronerToOre(damages) ?? 0;
    if (Number.isNaN(damagesOre)) return Promise.resolve(notAnAmount('Skader'));
    return act(key, { type: 'recordMoveOutInspection', date, damagesOre, ...(notes.trim() ? { notes } : {}) });
  };
  return (
    <ActionCard title="Utflyttingsbefaring" submitLabel="Registrer befaringen" onDone={onDone} send={send}>
      {live?.ending && <Paragraph data-size="sm">Fraflytting {formatDate(live.ending.moveOutDate)}.</Paragraph>}
      <DateField label="Dato for befaringen" value={date} onChange={setDate} />
      <Textfield label="Skader anslått til" suffix="kr" inputMode="decimal" value={damages} onChange={(e) => setDamages(e.target.value)} />
      <NoteField label="Merknader (valgfritt)" value={notes} onChange={setNotes} />
    </ActionCard>
  );
}

export function SettleDeposit({ caseId, live, onDone }: Props) {
  const act = useAction(caseId);
  const deposit = live?.leases?.at(-1)?.depositOre ?? 0;
  const damagesOre = live?.ending?.inspection?.damagesOre ?? 0;
  const [date, setDate] = useState(todayInOslo());
  const [returned, setReturned] = useState(String(Math.max(0, deposit - damagesOre) / 100));
  const [charged, setCharged] = useState(String(damagesOre / 100));
  const send = (key: string) => {
    const depositReturnedOre = kronerToOre(returned) ?? 0;
    const damagesChargedOre = kronerToOre(charged) ?? 0;
    if (Number.isNaN(depositReturnedOre)) return Promise.resolve(notAnAmount('Tilbakebetalt depositum'));
    if (Number.isNaN(damagesChargedOre)) return Promise.resolve(notAnAmount('Skader'));
    return act(key, { type: 'settleDeposit', date, depositReturnedOre, damagesChargedOre });
  };
  return (
    <ActionCard title="Oppgjør av depositum" submitLabel="Registrer oppgjøret og avslutt saken" onDone={onDone} send={send}>
      <Paragraph data-size="sm">
        Depositum {formatKroner(deposit)}; skader anslått til {formatKroner(damagesOre)} ved befaringen.
      </Paragraph>
      <DateField label="Dato for oppgjøret" value={date} onChange={setDate} />
      <Textfield label="Tilbakebetalt depositum" suffix="kr" inputMode="decimal" value={returned} onChange={(e) => setReturned(e.target.value)} />
      <Textfield label="Skader belastet leietaker" suffix="kr" inputMode="decimal" value={charged} onChange={(e) => setCharged(e.target.value)} />
    </ActionCard>
  );
}
