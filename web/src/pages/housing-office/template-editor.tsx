import { Alert, Button, Card, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { api, errorText } from '../../api/client';
import type { paths } from '../../api/schema';
import { roleLabel } from '../../format';
import { useBusy } from './busy';

// Keys and roles come back from the API as its own enums; the editor changes only the texts and `optional`.
type PublishBody = paths['/api/municipalities/{municipality}/agreement-template']['post']['requestBody']['content']['application/json'];

export interface TemplateRow {
  key: string;
  situation: string;
  optional: boolean;
  measures: Array<{ text: string; responsible: string[]; assessment?: boolean }>;
}

/**
 * A new version of the follow-up agreement template: the wording of each situation and measure, and
 * which rows may be removed. Who is responsible stays as it is (the workflow's tasks follow it).
 * Running agreements keep their copy until they are revised and signed again.
 */
export function TemplateEditor({ municipality, template, onPublished, onCancel }: { municipality: string; template: { version: number; rows: TemplateRow[] }; onPublished: (version: number) => void; onCancel: () => void }) {
  const headingId = useId();
  const [rows, setRows] = useState<TemplateRow[]>(() => structuredClone(template.rows));
  const [error, setError] = useState<string | null>(null);
  const [busy, whileBusy] = useBusy();
  const update = (i: number, change: (row: TemplateRow) => TemplateRow) => setRows((rs) => rs.map((r, j) => (j === i ? change(r) : r)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await whileBusy(
      async () => {
        const body = { rows } as PublishBody;
        const { data, error: err } = await api.POST('/api/municipalities/{municipality}/agreement-template', { params: { path: { municipality } }, body });
        if (data) onPublished((data as { version: number }).version);
        else setError(errorText(err));
      },
      () => setError('Fikk ikke kontakt med Botrygg. Prøv igjen.'),
    );
  };
  return (
    <Card data-color="neutral" className="form-card">
      <form aria-labelledby={headingId} onSubmit={submit} noValidate>
        <Heading level={3} data-size="xs" id={headingId}>
          Ny versjon av malen
        </Heading>
        <Paragraph data-size="sm">Ord i krøllparenteser, som {'{visits}'}, fylles inn fra avtalen. La dem stå.</Paragraph>
        {rows.map((row, i) => (
          <Fieldset key={row.key}>
            <Fieldset.Legend>Situasjon {i + 1}</Fieldset.Legend>
            <Textfield label="Situasjonen" multiline rows={2} value={row.situation} onChange={(e) => update(i, (r) => ({ ...r, situation: e.target.value }))} />
            <Checkbox label="Kan fjernes hvis det ikke er aktuelt" checked={row.optional} onChange={(e) => update(i, (r) => ({ ...r, optional: e.target.checked }))} />
            {row.measures.map((m, k) => (
              <Textfield
                key={k}
                label={`Tiltak ${k + 1} (${m.responsible.map(roleLabel).join(', ')})`}
                multiline
                rows={2}
                value={m.text}
                onChange={(e) => update(i, (r) => ({ ...r, measures: r.measures.map((x, j) => (j === k ? { ...x, text: e.target.value } : x)) }))}
              />
            ))}
          </Fieldset>
        ))}
        {error && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
        <div className="row">
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            Publiser versjon {template.version + 1}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            Avbryt
          </Button>
        </div>
      </form>
    </Card>
  );
}
