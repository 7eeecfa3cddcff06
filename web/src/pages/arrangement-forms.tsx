import { Checkbox, Details, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { CONSENT_PARTY_LABELS, PAYMENT_METHOD_LABELS } from '../../../domain/tenancy/arrangements';
import { formatDate, humanDates, todayInOslo } from '../format';
import type { ArrangementFormKind, CaseResponse } from '../live';
import { ActionCard, DateField, NoteField, RadioGroup, useAction, type Outcome } from './form-parts';

/**
 * Seed 002: the tenant's consent to cooperation and information sharing (or a legal basis instead),
 * and how the rent is paid with its fullmakt. The committee may put a case on its agenda only with
 * consent naming it or a legal basis, so the page says plainly whether it may.
 */
type Arrangements = NonNullable<CaseResponse['arrangements']>;
type ConsentParty = Arrangements['consent'] extends infer C ? (C extends { scope: Array<infer S> } ? S : never) : never;
type PaymentMethod = NonNullable<Arrangements['payment']>['method'];
type Done = (message: string) => void;

const CONSENT_PARTIES = Object.keys(CONSENT_PARTY_LABELS) as ConsentParty[];
const PAYMENT_METHODS = Object.keys(PAYMENT_METHOD_LABELS) as PaymentMethod[];
/** Who pays in the tenant's place, and so holds the fullmakt (the rule refuses any other). */
const FULLMAKT_TO: Partial<Record<PaymentMethod, 'nav' | 'employer'>> = { nav_direct: 'nav', wage_deduction: 'employer' };
const FULLMAKT_LABEL = { nav: 'NAV', employer: 'arbeidsgiveren' } as const;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const partyList = (scope: string[]) => {
  const parts = scope.map((p) => CONSENT_PARTY_LABELS[p as ConsentParty] ?? p);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}`;
};

function OptionalDate({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return <Textfield label={label} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
}

function RecordConsent({ caseId, onDone }: { caseId: string; onDone: Done }) {
  const act = useAction(caseId);
  const [scope, setScope] = useState<ConsentParty[]>([]);
  const [date, setDate] = useState(todayInOslo());
  const [validUntil, setValidUntil] = useState('');
  const toggle = (p: ConsentParty, on: boolean) => setScope((s) => (on ? [...s, p] : s.filter((x) => x !== p)));
  const send = (key: string): Promise<Outcome> => {
    if (scope.length === 0) return Promise.resolve({ ok: false, message: 'Kryss av for minst én tjeneste samtykket gjelder.' });
    // Sent in the form's own order, so the same choices give the same content under the same key.
    const ordered = CONSENT_PARTIES.filter((p) => scope.includes(p));
    return act(key, { type: 'recordConsent', scope: ordered, date, ...(validUntil ? { validUntil } : {}) });
  };
  return (
    <ActionCard title="Registrer samtykke" submitLabel="Registrer samtykket" onDone={onDone} send={send}>
      <Fieldset>
        <Fieldset.Legend>Hvem kan samarbeide og dele opplysninger om leietaker?</Fieldset.Legend>
        <Fieldset.Description>Boligutvalget kan bare behandle saken hvis samtykket nevner boligutvalget, eller hvis det er registrert hjemmel.</Fieldset.Description>
        {CONSENT_PARTIES.map((p) => (
          <Checkbox key={p} label={capital(CONSENT_PARTY_LABELS[p])} value={p} checked={scope.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />
        ))}
      </Fieldset>
      <DateField label="Dato samtykket ble gitt" value={date} onChange={setDate} />
      <OptionalDate label="Gjelder til (valgfritt)" value={validUntil} onChange={setValidUntil} />
    </ActionCard>
  );
}

/** A fullmakt or consent taken back: only the date the tenant did it. The words differ only by what was taken back. */
function Withdrawal({ caseId, onDone, type, what }: { caseId: string; onDone: Done; type: 'withdrawConsent' | 'withdrawPaymentAuthorisation'; what: 'samtykket' | 'fullmakten' }) {
  const act = useAction(caseId);
  const [date, setDate] = useState(todayInOslo());
  return (
    <ActionCard title={`Registrer at ${what} er trukket tilbake`} submitLabel={`Trekk tilbake ${what}`} onDone={onDone} send={(key) => act(key, { type, date })}>
      <DateField label={`Dato leietaker trakk ${what}`} value={date} onChange={setDate} />
    </ActionCard>
  );
}

function RecordLegalBasis({ caseId, onDone }: { caseId: string; onDone: Done }) {
  const act = useAction(caseId);
  const [basis, setBasis] = useState('');
  const [date, setDate] = useState(todayInOslo());
  const send = (key: string): Promise<Outcome> => {
    if (basis.trim().length < 5) return Promise.resolve({ ok: false, message: 'Skriv hvilken hjemmel som gjelder (minst fem tegn).' });
    return act(key, { type: 'recordLegalBasis', basis: basis.trim(), date });
  };
  return (
    <ActionCard title="Registrer hjemmel uten samtykke" submitLabel="Registrer hjemmelen" onDone={onDone} send={send}>
      <NoteField label="Hjemmel" description="For eksempel: Vedtak om helse- og omsorgstjenester, jf. helse- og omsorgstjenesteloven § 3-2." value={basis} onChange={setBasis} />
      <DateField label="Dato" value={date} onChange={setDate} />
    </ActionCard>
  );
}

function RecordPaymentArrangement({ caseId, onDone }: { caseId: string; onDone: Done }) {
  const act = useAction(caseId);
  const [method, setMethod] = useState<PaymentMethod>('avtalegiro');
  const [date, setDate] = useState(todayInOslo());
  const [signedDate, setSignedDate] = useState(todayInOslo());
  const [validUntil, setValidUntil] = useState('');
  const grantedTo = FULLMAKT_TO[method];
  const send = (key: string) =>
    act(key, {
      type: 'recordPaymentArrangement',
      method,
      date,
      ...(grantedTo ? { authorisation: { grantedTo, signedDate, ...(validUntil ? { validUntil } : {}) } } : {}),
    });
  return (
    <ActionCard title="Registrer betalingsmåte for husleien" submitLabel="Registrer betalingsmåten" onDone={onDone} send={send}>
      <RadioGroup legend="Hvordan betales husleien?" name={`payment-${caseId}`} value={method} onChange={setMethod} options={PAYMENT_METHODS.map((m) => [m, capital(PAYMENT_METHOD_LABELS[m])])} />
      <DateField label="Gjelder fra" value={date} onChange={setDate} />
      {grantedTo && (
        <Fieldset>
          <Fieldset.Legend>Fullmakt til {FULLMAKT_LABEL[grantedTo]}</Fieldset.Legend>
          <Fieldset.Description>Leietaker må ha signert fullmakt når {FULLMAKT_LABEL[grantedTo]} betaler husleien.</Fieldset.Description>
          <DateField label="Dato fullmakten ble signert" value={signedDate} onChange={setSignedDate} />
          <OptionalDate label="Fullmakten gjelder til (valgfritt)" value={validUntil} onChange={setValidUntil} />
        </Fieldset>
      )}
    </ActionCard>
  );
}

const FORMS: Record<ArrangementFormKind, { summary: string; form: (p: { caseId: string; onDone: Done }) => ReactNode }> = {
  recordConsent: { summary: 'Registrer samtykke', form: (p) => <RecordConsent {...p} /> },
  withdrawConsent: { summary: 'Registrer at samtykket er trukket tilbake', form: (p) => <Withdrawal {...p} type="withdrawConsent" what="samtykket" /> },
  recordLegalBasis: { summary: 'Registrer hjemmel uten samtykke', form: (p) => <RecordLegalBasis {...p} /> },
  recordPaymentArrangement: { summary: 'Registrer betalingsmåte for husleien', form: (p) => <RecordPaymentArrangement {...p} /> },
  withdrawPaymentAuthorisation: { summary: 'Registrer at fullmakten er trukket tilbake', form: (p) => <Withdrawal {...p} type="withdrawPaymentAuthorisation" what="fullmakten" /> },
};

/** What the case holds now, in plain words. */
function Current({ arrangements }: { arrangements: CaseResponse['arrangements'] }) {
  if (!arrangements) return <Paragraph>Saken er ikke skrevet ferdig ennå. Prøv igjen om litt.</Paragraph>;
  const { consent, legalBasis, committeeBasis, payment } = arrangements;
  const a = payment?.authorisation;
  return (
    <dl className="arrangements">
      <dt>Samtykke</dt>
      <dd>
        {!consent && 'Ikke registrert.'}
        {consent && consent.status === 'given' && (
          <>
            {consent.inForce ? 'Gitt' : 'Utløpt'} {formatDate(consent.date)}
            {consent.validUntil ? `, gjelder til ${formatDate(consent.validUntil)}` : ''}. Gjelder {partyList(consent.scope)}.
          </>
        )}
        {consent && consent.status === 'withdrawn' && `Trukket tilbake ${formatDate(consent.withdrawnDate ?? consent.date)}.`}
      </dd>
      <dt>Hjemmel uten samtykke</dt>
      <dd>{legalBasis ? `${legalBasis.basis} (registrert ${formatDate(legalBasis.date)}).` : 'Ikke registrert.'}</dd>
      <dt>Boligutvalget</dt>
      <dd>{committeeBasis ? `Kan behandle saken. ${humanDates(committeeBasis)}` : 'Kan ikke behandle saken: det trengs samtykke som nevner boligutvalget, eller hjemmel.'}</dd>
      <dt>Betaling av husleie</dt>
      <dd>
        {payment ? `${capital(PAYMENT_METHOD_LABELS[payment.method])} fra ${formatDate(payment.date)}.` : 'Ikke registrert.'}
        {a && ` Fullmakt til ${FULLMAKT_LABEL[a.grantedTo]} signert ${formatDate(a.signedDate)}${a.validUntil ? `, gjelder til ${formatDate(a.validUntil)}` : ''}${a.withdrawnDate ? `, trukket tilbake ${formatDate(a.withdrawnDate)}` : ''}.`}
      </dd>
    </dl>
  );
}

/** The case's consent, legal basis and payment, with the forms this person may use on them. */
export function ArrangementsSection({ caseId, arrangements, forms, onDone }: { caseId: string; arrangements: CaseResponse['arrangements']; forms: ArrangementFormKind[]; onDone: Done }) {
  return (
    <section aria-labelledby="samtykke-betaling" className="stack">
      <Heading level={2} data-size="sm" id="samtykke-betaling">
        Samtykke og betaling
      </Heading>
      <Current arrangements={arrangements} />
      {forms.map((f) => (
        <Details key={f}>
          <Details.Summary>{FORMS[f].summary}</Details.Summary>
          <Details.Content>{FORMS[f].form({ caseId, onDone })}</Details.Content>
        </Details>
      ))}
    </section>
  );
}
