import { Field, Heading, Label, ListItem, ListUnordered, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { api, errorText } from '../api/client';
import { GiveNotice, RecordMoveOutInspection, SettleDeposit } from './ending-forms';
import { Checklist, CreateAgreement, RecordHousingAllowance, RecordMoveIn, ReviewHouseRules, SignAgreement, SignLease } from './lease-forms';
import { ActionCard, DateField, NoteField, RadioGroup, useAction, type Outcome } from './form-parts';
import { formatKroner, roleLabel, todayInOslo } from '../format';
import { completableTasks, type FormKind, type IncidentReport, type LiveCase, type Situation } from '../live';
import { useSession } from '../auth';
import { useLoad } from '../ui';

const yesNo = (v: string | undefined) => v === 'yes';

function RecordVisit({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const act = useAction(caseId);
  const [date, setDate] = useState(todayInOslo());
  const [outcome, setOutcome] = useState<'completed' | 'locked_door' | 'cancelled'>('completed');
  const [note, setNote] = useState('');
  return (
    <ActionCard title="Registrer hjemmebesøk" submitLabel="Registrer besøket" onDone={onDone} send={(key) => act(key, { type: 'recordVisit', date, outcome, ...(note.trim() ? { note } : {}) })}>
      <DateField label="Dato for besøket" value={date} onChange={setDate} />
      <RadioGroup legend="Hvordan gikk besøket?" name={`visit-${caseId}`} value={outcome} onChange={setOutcome} options={[['completed', 'Gjennomført'], ['locked_door', 'Låst dør'], ['cancelled', 'Avlyst']]} />
      <NoteField label="Notat (valgfritt)" value={note} onChange={setNote} />
    </ActionCard>
  );
}

function CompleteTask({ caseId, live, onDone }: { caseId: string; live: LiveCase | null; onDone: (message: string) => void }) {
  const act = useAction(caseId);
  const session = useSession();
  const tasks = completableTasks(live, session?.roles ?? []);
  const [taskId, setTaskId] = useState(tasks[0]?.id ?? '');
  const [note, setNote] = useState('');
  return (
    <ActionCard title="Fullfør en oppgave" submitLabel="Marker som utført" onDone={onDone} send={(key) => act(key, { type: 'completeTask', taskId, note })}>
      <Field>
        <Label>Oppgave</Label>
        <Select value={taskId} onChange={(e) => setTaskId(e.target.value)}>
          {tasks.map((t) => (
            <Select.Option key={t.id} value={t.id}>
              {t.title}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <NoteField label="Hva ble gjort?" description="Minst tre tegn. Notatet står i saken." value={note} onChange={setNote} />
    </ActionCard>
  );
}

function ReportIncident({ caseId, live, onDone }: { caseId: string; live: LiveCase | null; onDone: (message: string) => void }) {
  const agreement = [...(live?.agreements ?? [])].reverse().find((a) => a.status === 'active') ?? live?.agreements?.at(-1);
  const rows = agreement?.rows ?? [];
  const [situation, setSituation] = useState<Situation | ''>(rows[0]?.key ?? '');
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState(() => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
  const row = rows.find((r) => r.key === situation);
  const send = async (key: string): Promise<Outcome> => {
    if (!situation) return { ok: false, message: 'Velg hva som har skjedd.' };
    const body: IncidentReport = { situation, description, channel: 'staff_app', occurredAt: new Date(when).toISOString() };
    const { error, response } = await api.POST('/api/tenancies/{caseId}/incidents', { params: { path: { caseId }, header: { 'Idempotency-Key': key } }, body });
    if (!response.ok) return { ok: false, message: errorText(error) };
    return { ok: true, message: INCIDENT_RECEIVED[response.status] ?? 'Hendelsen er meldt.' };
  };
  if (rows.length === 0) return <Paragraph>Saken har ingen oppfølgingsavtale ennå, så hendelser kan ikke meldes her.</Paragraph>;
  return (
    <ActionCard title="Meld en hendelse" submitLabel="Meld hendelsen" onDone={onDone} send={send}>
      <Field>
        <Label>Hva har skjedd?</Label>
        <Select value={situation} onChange={(e) => setSituation(e.target.value as Situation)}>
          {rows.map((r) => (
            <Select.Option key={r.key} value={r.key}>
              {r.situation}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {row && (
        <div>
          <Paragraph data-size="sm">
            <strong>Dette sier avtalen at skal gjøres:</strong>
          </Paragraph>
          <ListUnordered data-size="sm">
            {row.measures.map((m, i) => (
              <ListItem key={i}>
                {m.text} ({m.responsible.map(roleLabel).join(', ')})
              </ListItem>
            ))}
          </ListUnordered>
        </div>
      )}
      <Textfield label="Når skjedde det?" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
      <NoteField label="Beskriv kort hva som skjedde" value={description} onChange={setDescription} />
    </ActionCard>
  );
}

/** The API documents these statuses without a body schema; the app words them itself. */
const INCIDENT_RECEIVED: Record<number, string> = {
  201: 'Hendelsen er meldt og følges opp etter avtalen.',
  200: 'Hendelsen var allerede meldt.',
  202: 'Hendelsen er lagret og registreres når saken kan ta imot den.',
};

const INTERVIEW_QUESTIONS = [
  ['hasPropertyOrCapital', 'Har søkeren egen bolig, eiendom eller kapital?'],
  ['couldRentPrivatelyWithSupport', 'Kan søkeren leie privat med hjelp (for eksempel depositumsgaranti)?'],
  ['couldBuyWithStartUpLoan', 'Kan søkeren kjøpe bolig med startlån?'],
  ['ableToLiveIndependently', 'Kan søkeren bo selvstendig?'],
  ['needsHousingGuidance', 'Trenger søkeren veiledning i å bo?'],
  ['rentPaymentArrangement', 'Skal husleien trekkes eller betales gjennom NAV?'],
  ['needsAccessibleDwelling', 'Trenger søkeren tilrettelagt bolig?'],
] as const;
type InterviewKey = (typeof INTERVIEW_QUESTIONS)[number][0];

function RecordInterview({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const act = useAction(caseId);
  const [date, setDate] = useState(todayInOslo());
  const [rooms, setRooms] = useState('2');
  const [children, setChildren] = useState('0');
  const [answers, setAnswers] = useState<Partial<Record<InterviewKey, string>>>({});
  const [notes, setNotes] = useState('');
  const send = (key: string) => {
    const missing = INTERVIEW_QUESTIONS.filter(([k]) => k !== 'needsAccessibleDwelling' && !answers[k]);
    if (missing.length) return Promise.resolve<Outcome>({ ok: false, message: `Svar på alle spørsmålene. Mangler: ${missing.map(([, q]) => q).join(' ')}` });
    return act(key, {
      type: 'recordInterview',
      interview: {
        date,
        roomsNeeded: Number(rooms),
        childrenInHousehold: Number(children),
        hasPropertyOrCapital: yesNo(answers.hasPropertyOrCapital),
        couldRentPrivatelyWithSupport: yesNo(answers.couldRentPrivatelyWithSupport),
        couldBuyWithStartUpLoan: yesNo(answers.couldBuyWithStartUpLoan),
        ableToLiveIndependently: yesNo(answers.ableToLiveIndependently),
        needsHousingGuidance: yesNo(answers.needsHousingGuidance),
        rentPaymentArrangement: yesNo(answers.rentPaymentArrangement),
        ...(answers.needsAccessibleDwelling ? { needsAccessibleDwelling: yesNo(answers.needsAccessibleDwelling) } : {}),
        ...(notes.trim() ? { notes } : {}),
      },
    });
  };
  return (
    <ActionCard title="Registrer kartleggingssamtale" submitLabel="Registrer samtalen" onDone={onDone} send={send}>
      <DateField label="Dato for samtalen" value={date} onChange={setDate} />
      <Textfield label="Antall rom søkeren trenger" type="number" inputMode="numeric" min={1} max={10} value={rooms} onChange={(e) => setRooms(e.target.value)} />
      <Textfield label="Antall barn i husstanden" type="number" inputMode="numeric" min={0} max={20} value={children} onChange={(e) => setChildren(e.target.value)} />
      {INTERVIEW_QUESTIONS.map(([k, q]) => (
        <RadioGroup key={k} legend={q} name={`${caseId}-${k}`} value={answers[k] ?? ''} onChange={(v) => setAnswers((a) => ({ ...a, [k]: v }))} options={[['yes', 'Ja'], ['no', 'Nei']]} />
      ))}
      <NoteField label="Notat (valgfritt)" value={notes} onChange={setNotes} />
    </ActionCard>
  );
}

function RecordDecision({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const act = useAction(caseId);
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved');
  const [date, setDate] = useState(todayInOslo());
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  // The reasons go in the decision letter (forvaltningsloven § 24); a rejection must have them.
  const send = (key: string): Promise<Outcome> => {
    if (outcome === 'rejected' && note.trim().length < 3) return Promise.resolve({ ok: false, message: 'Et avslag må begrunnes. Skriv begrunnelsen; den står i vedtaksbrevet.' });
    return act(key, { type: 'recordDecision', outcome, date, ...(reference.trim() ? { reference } : {}), ...(note.trim() ? { reasons: note.trim() } : {}) });
  };
  return (
    <ActionCard title="Fatt vedtak" submitLabel="Registrer vedtaket" onDone={onDone} send={send}>
      <RadioGroup legend="Vedtak" name={`decision-${caseId}`} value={outcome} onChange={setOutcome} options={[['approved', 'Innvilget'], ['rejected', 'Avslått']]} />
      <DateField label="Vedtaksdato" value={date} onChange={setDate} />
      <Textfield label="Saksreferanse (valgfritt)" value={reference} onChange={(e) => setReference(e.target.value)} />
      <NoteField label="Begrunnelse" description="Står i vedtaksbrevet. Må fylles ut ved avslag." value={note} onChange={setNote} />
    </ActionCard>
  );
}

function OfferDwelling({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const act = useAction(caseId);
  const dwellings = useLoad(async () => {
    const { data, error } = await api.GET('/api/dwellings');
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet boligregisteret.'));
    return data.dwellings;
  }, []);
  const [dwellingId, setDwellingId] = useState('');
  const list = dwellings.data ?? [];
  const chosen = dwellingId || list[0]?.id || '';
  return (
    <ActionCard title="Tilby bolig" submitLabel="Send tilbudet" onDone={onDone} send={(key) => act(key, { type: 'offerDwelling', dwellingId: chosen })}>
      {dwellings.error && <Paragraph>{dwellings.error}</Paragraph>}
      <Field>
        <Label>Bolig fra boligregisteret</Label>
        <Select value={chosen} onChange={(e) => setDwellingId(e.target.value)}>
          {list.map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.address}, {d.rooms} rom, {formatKroner(d.monthlyRentOre)} i måneden
            </Select.Option>
          ))}
        </Select>
      </Field>
    </ActionCard>
  );
}

function AnswerOffer({ caseId, live, onDone }: { caseId: string; live: LiveCase | null; onDone: (message: string) => void }) {
  const act = useAction(caseId);
  const offer = live?.offers?.find((o) => !o.answer);
  const [accepted, setAccepted] = useState<'yes' | 'no'>('yes');
  const [date, setDate] = useState(todayInOslo());
  const [reason, setReason] = useState('');
  return (
    <ActionCard title="Registrer svar på tilbudet" submitLabel="Registrer svaret" onDone={onDone} send={(key) => act(key, { type: 'answerOffer', accepted: accepted === 'yes', date, ...(reason.trim() ? { reason } : {}) })}>
      {offer && (
        <Paragraph>
          Tilbudt: {offer.dwelling.address ?? offer.dwelling.id}
          {offer.warnings.length > 0 && `. Merk: ${offer.warnings.join(' ')}`}
        </Paragraph>
      )}
      <RadioGroup legend="Svar fra søkeren" name={`answer-${caseId}`} value={accepted} onChange={setAccepted} options={[['yes', 'Takker ja'], ['no', 'Takker nei']]} />
      <DateField label="Dato for svaret" value={date} onChange={setDate} />
      <NoteField label="Grunn hvis nei (valgfritt)" value={reason} onChange={setReason} />
    </ActionCard>
  );
}

const FORMS: Record<FormKind, (p: { caseId: string; live: LiveCase | null; onDone: (message: string) => void }) => ReactNode> = {
  recordVisit: (p) => <RecordVisit {...p} />,
  reportIncident: (p) => <ReportIncident {...p} />,
  completeTask: (p) => <CompleteTask {...p} />,
  recordInterview: (p) => <RecordInterview {...p} />,
  recordDecision: (p) => <RecordDecision {...p} />,
  offerDwelling: (p) => <OfferDwelling {...p} />,
  answerOffer: (p) => <AnswerOffer {...p} />,
  signLease: (p) => <SignLease {...p} />,
  reviewHouseRules: (p) => <ReviewHouseRules {...p} />,
  checklist: (p) => <Checklist {...p} />,
  recordHousingAllowance: (p) => <RecordHousingAllowance {...p} />,
  createAgreement: (p) => <CreateAgreement {...p} />,
  signAgreement: (p) => <SignAgreement {...p} />,
  recordMoveIn: (p) => <RecordMoveIn {...p} />,
  giveNotice: (p) => <GiveNotice {...p} />,
  recordMoveOutInspection: (p) => <RecordMoveOutInspection {...p} />,
  settleDeposit: (p) => <SettleDeposit {...p} />,
};

/** Only the forms the case can take now; keyed by the case's version so a done form starts afresh. */
export function CaseForms({ caseId, live, forms, onDone }: { caseId: string; live: LiveCase | null; forms: FormKind[]; onDone: (message: string) => void }) {
  if (forms.length === 0) return null;
  return (
    <section aria-labelledby="handlinger" className="stack">
      <Heading level={2} data-size="sm" id="handlinger">
        Det du kan gjøre nå
      </Heading>
      {forms.map((f) => (
        <div key={f}>{FORMS[f]({ caseId, live, onDone })}</div>
      ))}
    </section>
  );
}

