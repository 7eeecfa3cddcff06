import { Alert, Button, Card, Field, Heading, Label, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, errorText, newIdempotencyKey } from '../../api/client';
import { formatDate, formatDateTime, formatKroner } from '../../format';
import { formatPeriod } from '../../rent-account';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../../ui';
import { useBusy } from './busy';

interface FileError {
  line: number;
  element?: string;
  message: string;
}

type ImportResult =
  | { ok: true; message: string; unmatched: number }
  | { ok: false; message: string; errors: FileError[] };

interface UnmatchedItem {
  importId: number;
  filename: string;
  importedAt: string;
  line: number;
  element?: string;
  transactionId: string;
  reason: string;
  payment?: { date: string; amountOre: number; kid?: string; caseId?: string; type: string; period?: string; reversal?: boolean };
  matchable: boolean;
}

/**
 * The housing office's payments: a file from the bank or the finance system (CSV, Nets OCR giro,
 * camt.054; the server reads the format from the content), all or nothing, and the work list of
 * payments that found no tenancy, each matched to a case by hand.
 */
export function Payments() {
  const [result, setResult] = useState<ImportResult | null>(null);
  // The matched payment leaves the list: its confirmation stays above it.
  const [matched, setMatched] = useState<{ message: string; caseId: string } | null>(null);
  const unmatched = useLoad(async (): Promise<UnmatchedItem[]> => {
    const { data, error } = await api.GET('/api/rent/unmatched-payments', { params: { query: {} } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet arbeidslisten.'));
    return (data as { items: UnmatchedItem[] }).items;
  }, []);
  return (
    <div className="stack">
      <PageHeading>Innbetalinger</PageHeading>
      <UploadForm
        onResult={(r) => {
          setResult(r);
          if (r.ok) unmatched.reload();
        }}
      />
      {result && <ImportOutcome result={result} />}
      <section aria-labelledby="uten-sak" className="stack">
        <Heading level={2} data-size="sm" id="uten-sak">
          Innbetalinger uten sak
        </Heading>
        <Paragraph>Innbetalinger som ikke fant noe leieforhold. Koble hver av dem til riktig sak, eller behandle dem i økonomisystemet.</Paragraph>
        {matched && (
          <Alert data-color="success" role="status">
            <Paragraph>
              {matched.message}{' '}
              <Link href={`/saker/${matched.caseId}/husleie`}>Se husleiekontoen for {matched.caseId}</Link>
            </Paragraph>
          </Alert>
        )}
        {unmatched.loading && !unmatched.data && <Loading what="arbeidslisten" />}
        {unmatched.error && <ErrorAlert>{unmatched.error}</ErrorAlert>}
        {unmatched.data?.length === 0 && <Paragraph>Ingen innbetalinger venter på behandling.</Paragraph>}
        {!!unmatched.data?.length && (
          <ul className="plain-list" aria-label="Innbetalinger uten sak">
            {unmatched.data.map((item) => (
              <li key={`${item.importId}:${item.transactionId}`}>
                <UnmatchedCard
                  item={item}
                  onMatched={(m) => {
                    setMatched(m);
                    unmatched.reload();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function UploadForm({ onResult }: { onResult: (r: ImportResult) => void }) {
  const inputId = useId();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, whileBusy] = useBusy();
  const [missing, setMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    await whileBusy(
      async () => {
        const content = await file.text();
        const { data, error, response } = await api.POST('/api/rent/payment-files', { body: { filename: file.name, content } });
        if (data) {
          const body = data as { message: string; unmatched?: unknown[] };
          onResult({ ok: true, message: body.message, unmatched: body.unmatched?.length ?? 0 });
        } else if (response.status === 422 && error && typeof error === 'object' && 'errors' in error) {
          const body = error as unknown as { message: string; errors: FileError[] };
          onResult({ ok: false, message: body.message, errors: body.errors });
        } else {
          onResult({ ok: false, message: errorText(error, 'Filen ble ikke lest inn.'), errors: [] });
        }
      },
      () => onResult({ ok: false, message: 'Fikk ikke kontakt med Botrygg. Prøv igjen; samme fil føres bare én gang.', errors: [] }),
    );
  };
  return (
    <Card data-color="neutral" className="form-card">
      <form aria-labelledby={headingId} onSubmit={submit} noValidate>
        <Heading level={2} data-size="sm" id={headingId}>
          Les inn en innbetalingsfil
        </Heading>
        <Paragraph>
          Filen fra banken eller økonomisystemet: CSV, OCR giro fra Nets eller camt.054. Har filen en feil, blir ingenting ført, og du ser hvilken linje som må rettes. Samme fil to ganger føres bare én
          gang.
        </Paragraph>
        <Field>
          <Label htmlFor={inputId}>Innbetalingsfil</Label>
          <input id={inputId} ref={input} type="file" className="file-input" aria-invalid={missing || undefined} onChange={() => setMissing(false)} />
          {missing && (
            <Paragraph data-size="sm" role="alert" className="field-error">
              Velg en fil først.
            </Paragraph>
          )}
        </Field>
        <div>
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            Les inn filen
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  if (result.ok) {
    return (
      <Alert data-color="success" role="status" className="import-outcome">
        <Paragraph>{result.message}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert data-color="danger" role="alert" className="import-outcome">
      <Heading level={2} data-size="xs">
        Filen er ikke lest inn, og ingenting er endret
      </Heading>
      <Paragraph>{result.message}</Paragraph>
      {result.errors.length > 0 && (
        <Table className="line-errors" data-size="sm">
          <caption>Feil i filen, linje for linje</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Linje</Table.HeaderCell>
              <Table.HeaderCell>Feil</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.errors.map((e, i) => (
              <Table.Row key={i}>
                <Table.Cell>{e.line || '–'}</Table.Cell>
                <Table.Cell>{e.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Alert>
  );
}

function UnmatchedCard({ item, onMatched }: { item: UnmatchedItem; onMatched: (m: { message: string; caseId: string }) => void }) {
  const headingId = useId();
  const [key, setKey] = useState(() => newIdempotencyKey('payment-match'));
  const [caseId, setCaseId] = useState(item.payment?.caseId ?? '');
  const [reason, setReason] = useState('');
  const [busy, whileBusy] = useBusy();
  const [outcome, setOutcome] = useState<{ message: string } | null>(null);
  const p = item.payment;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await whileBusy(
      async () => {
        const { data, error } = await api.POST('/api/rent/unmatched-payments/match', {
          params: { header: { 'Idempotency-Key': key } },
          body: { importId: item.importId, transactionId: item.transactionId, caseId: caseId.trim().toUpperCase(), reason },
        });
        if (data) {
          setKey(newIdempotencyKey('payment-match'));
          onMatched({ message: String((data as { message?: string }).message ?? 'Innbetalingen er ført på saken.'), caseId: caseId.trim().toUpperCase() });
        } else setOutcome({ message: errorText(error) });
      },
      () => setOutcome({ message: 'Fikk ikke kontakt med Botrygg. Prøv igjen; innbetalingen føres bare én gang.' }),
    );
  };
  const title = p ? `${formatKroner(p.amountOre)} ${formatDate(p.date)}` : `Transaksjon ${item.transactionId}`;
  return (
    <Card data-color="neutral">
      <Heading level={3} data-size="xs" id={headingId}>
        {title}
      </Heading>
      <Paragraph>{item.reason}</Paragraph>
      <Paragraph data-size="sm" className="meta">
        {p?.type === 'housing_allowance' ? `Bostøtte${p.period ? ` for ${formatPeriod(p.period)}` : ''}. ` : ''}
        {p?.kid ? `KID ${p.kid}. ` : ''}
        Fra {item.filename}, linje {item.line}
        {item.element ? ` (${item.element})` : ''}, lest inn {formatDateTime(item.importedAt)}.
      </Paragraph>
      {item.matchable ? (
        <form aria-labelledby={headingId} onSubmit={submit} noValidate className="stack">
          <Textfield label="Saksnummer" description="For eksempel TYN-2026-7KX3QF" value={caseId} onChange={(e) => setCaseId(e.target.value)} required />
          <Textfield label="Hvorfor hører innbetalingen til denne saken?" multiline rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
          {outcome && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{outcome.message}</Paragraph>
            </Alert>
          )}
          <div>
            <Button type="submit" variant="secondary" disabled={busy} aria-disabled={busy}>
              Før på saken
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph data-size="sm">Denne kan ikke føres på en sak her. Den må behandles i økonomisystemet.</Paragraph>
      )}
    </Card>
  );
}
