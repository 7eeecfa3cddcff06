import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate, todayInOslo } from '../format';
import { appealStage, type LiveCase, type LiveDecision } from '../live';
import { ActionCard, DateField, NoteField, RadioGroup, useAction, type Outcome } from './form-parts';

/**
 * Individual decisions (enkeltvedtak) and their appeals (forvaltningsloven §§ 28–34, README
 * «Individual decisions»): the appeal is registered, the municipality reviews it first and reverses
 * the decision or forwards it, and the appeal body's decision is recorded last.
 */
type Done = (message: string) => void;

const OUTCOME_LABELS: Record<string, string> = { approved: 'innvilget', rejected: 'avslått', ended: 'avsluttet', reduced: 'redusert' };
const SUBJECT_LABELS: Record<string, string> = { application: 'Søknaden om kommunal bolig', follow_up_ended: 'Oppfølgingen avsluttes', follow_up_reduced: 'Færre hjemmebesøk' };

function RegisterAppeal({ caseId, decision, onDone }: { caseId: string; decision: LiveDecision; onDone: Done }) {
  const act = useAction(caseId);
  const [receivedDate, setReceivedDate] = useState(todayInOslo());
  const [note, setNote] = useState('');
  return (
    <ActionCard title="Registrer klage på vedtaket" submitLabel="Registrer klagen" onDone={onDone} send={(key) => act(key, { type: 'registerAppeal', decisionId: decision.id, receivedDate, ...(note.trim() ? { note: note.trim() } : {}) })}>
      <DateField label="Dato klagen kom inn" value={receivedDate} onChange={setReceivedDate} />
      <NoteField label="Notat (valgfritt)" value={note} onChange={setNote} />
    </ActionCard>
  );
}

function DecideAppeal({ caseId, decision, onDone }: { caseId: string; decision: LiveDecision; onDone: Done }) {
  const act = useAction(caseId);
  const stage = appealStage(decision) === 'appeal_body' ? 'appeal_body' : 'review';
  const [outcome, setOutcome] = useState<'reversed' | 'forwarded' | 'upheld'>(stage === 'review' ? 'forwarded' : 'upheld');
  const [date, setDate] = useState(todayInOslo());
  const [reasons, setReasons] = useState('');
  const send = (key: string): Promise<Outcome> => {
    if (reasons.trim().length < 3) return Promise.resolve({ ok: false, message: 'Skriv begrunnelsen. Den står i brevet til leietaker.' });
    return act(key, { type: 'decideAppeal', decisionId: decision.id, stage, outcome, date, reasons: reasons.trim() });
  };
  const options: Array<['reversed' | 'forwarded' | 'upheld', string]> =
    stage === 'review'
      ? [
          ['forwarded', 'Vedtaket opprettholdes, og klagen sendes til klageinstansen'],
          ['reversed', 'Klagen tas til følge, og vedtaket endres'],
        ]
      : [
          ['upheld', 'Klageinstansen stadfester vedtaket'],
          ['reversed', 'Klageinstansen endrer vedtaket'],
        ];
  return (
    <ActionCard title={stage === 'review' ? 'Kommunens behandling av klagen' : 'Klageinstansens avgjørelse'} submitLabel="Registrer avgjørelsen" onDone={onDone} send={send}>
      <RadioGroup legend="Hva ble resultatet?" name={`appeal-${caseId}-${decision.id}`} value={outcome} onChange={setOutcome} options={options} />
      <DateField label="Dato for avgjørelsen" value={date} onChange={setDate} />
      <NoteField label="Begrunnelse" description="Står i brevet til leietaker." value={reasons} onChange={setReasons} />
    </ActionCard>
  );
}

/** How far the appeal has come, in words. */
function appealText(d: LiveDecision): string {
  const a = d.appeal;
  if (!a) return d.outcome === 'approved' ? '' : ` Klagefrist ${formatDate(d.appealDeadline)}.`;
  const parts = [` Klage mottatt ${formatDate(a.receivedDate)}.`];
  if (a.review) parts.push(a.review.outcome === 'reversed' ? ` Kommunen endret vedtaket ${formatDate(a.review.date)}.` : ` Kommunen sendte klagen til klageinstansen ${formatDate(a.review.date)}.`);
  if (a.final) parts.push(a.final.outcome === 'reversed' ? ` Klageinstansen endret vedtaket ${formatDate(a.final.date)}.` : ` Klageinstansen stadfestet vedtaket ${formatDate(a.final.date)}.`);
  return parts.join('');
}

/** The case's decisions with where their appeals stand, and the appeal step this person may record. */
export function DecisionsSection({ caseId, live, offered, onDone }: { caseId: string; live: LiveCase | null; offered: Array<{ decision: LiveDecision; form: 'registerAppeal' | 'decideAppeal' }>; onDone: Done }) {
  const decisions = live?.individualDecisions ?? [];
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="vedtak-klager" className="stack">
      <Heading level={2} data-size="sm" id="vedtak-klager">
        Vedtak og klager
      </Heading>
      <ul className="plain-list stack" aria-label="Vedtak i saken">
        {decisions.map((d) => {
          const step = offered.find((o) => o.decision.id === d.id);
          return (
            <li key={d.id}>
              <Paragraph>
                <strong>
                  {SUBJECT_LABELS[d.subject] ?? 'Vedtak'}: {OUTCOME_LABELS[d.outcome] ?? d.outcome} {formatDate(d.date)}.
                </strong>
                {appealText(d)}
              </Paragraph>
              {/* Keyed by the step, so the next step's fold starts closed once this one is done. */}
              {step && (
                <Details key={appealStage(d)}>
                  <Details.Summary>{step.form === 'registerAppeal' ? `Registrer klage på vedtaket ${formatDate(d.date)}` : `Registrer avgjørelse i klagen på vedtaket ${formatDate(d.date)}`}</Details.Summary>
                  <Details.Content>
                    {step.form === 'registerAppeal' ? <RegisterAppeal caseId={caseId} decision={d} onDone={onDone} /> : <DecideAppeal caseId={caseId} decision={d} onDone={onDone} />}
                  </Details.Content>
                </Details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
