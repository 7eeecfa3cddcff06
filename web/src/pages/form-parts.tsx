import { Alert, Button, Card, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, errorText, newIdempotencyKey } from '../api/client';
import type { CaseAction } from '../live';

/**
 * `status` of a refusal: a 4xx means the request changed nothing, so the form gets a fresh key (the
 * person may change the form and send again; the old key is bound to the refused content). Without
 * it, or on a 5xx (maybe applied, answer lost), the key is kept so a resend is applied once.
 */
export type Outcome = { ok: true; message: string } | { ok: false; message: string; status?: number };

/**
 * One action form: a key per filled-in form (a resend is applied once), the case's own message on
 * success, and the case's own Norwegian reason when it refuses the step.
 */
export function ActionCard({ title, submitLabel, send, onDone, children }: { title: string; submitLabel: string; send: (key: string) => Promise<Outcome>; onDone: (message: string) => void; children: ReactNode }) {
  const headingId = useId();
  const [key, setKey] = useState(() => newIdempotencyKey('form'));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await send(key);
      setOutcome(result.ok ? null : result);
      if (!result.ok && result.status !== undefined && result.status >= 400 && result.status < 500) setKey(newIdempotencyKey('form'));
      if (result.ok) {
        setKey(newIdempotencyKey('form'));
        onDone(result.message);
      }
    } catch {
      setOutcome({ ok: false, message: 'Fikk ikke kontakt med Botrygg. Prøv igjen; skjemaet sendes bare én gang.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="form-card" data-color="neutral">
      <form aria-labelledby={headingId} onSubmit={submit} noValidate>
        <Heading level={3} data-size="xs" id={headingId}>
          {title}
        </Heading>
        {children}
        {/* Success is told once, above the forms (the form may no longer be offered); a refusal here. */}
        {outcome && !outcome.ok && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{outcome.message}</Paragraph>
          </Alert>
        )}
        <div>
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function useAction(caseId: string) {
  return async (key: string, body: CaseAction): Promise<Outcome> => {
    const { data, error } = await api.POST('/api/tenancies/{caseId}/actions', { params: { path: { caseId }, header: { 'Idempotency-Key': key } }, body });
    return data ? { ok: true, message: data.message } : { ok: false, message: errorText(error) };
  };
}

export function DateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return <Textfield label={label} type="date" value={value} onChange={(e) => onChange(e.target.value)} required />;
}

export function NoteField({ label, value, onChange, description }: { label: string; value: string; onChange: (v: string) => void; description?: string }) {
  return <Textfield label={label} description={description} multiline rows={3} value={value} onChange={(e) => onChange(e.target.value)} />;
}

export function RadioGroup<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: Array<[T, string]>; onChange: (v: T) => void }) {
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {options.map(([v, label]) => (
        <Radio key={v} name={name} value={v} label={label} checked={value === v} onChange={() => onChange(v)} />
      ))}
    </Fieldset>
  );
}

