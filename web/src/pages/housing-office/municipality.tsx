import { Alert, Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { api, errorText } from '../../api/client';
import { hasRole, useSession } from '../../auth';
import { roleLabel } from '../../format';
import { ErrorAlert, Loading, PageHeading, useLoad } from '../../ui';
import { TemplateEditor, type TemplateRow } from './template-editor';
import { useBusy } from './busy';

type NumberRule = 'leaseYears' | 'renewalNoticeMonths' | 'ownershipDialogueMonths' | 'interviewWithinWeeks' | 'decisionWithinWeeks' | 'offerAnswerDays' | 'moveInTasksWithinWeeks' | 'missedVisitFollowUpBusinessDays' | 'complaintsBeforeEscalation' | 'complaintWindowDays';

/** The municipality's numbers a case follows, in the words staff use, with the API's bounds. */
const RULES: Array<{ key: NumberRule; label: string; unit: string }> = [
  { key: 'leaseYears', label: 'Leietid', unit: 'år' },
  { key: 'renewalNoticeMonths', label: 'Vurdering av fornyelse før leietiden er ute', unit: 'måneder' },
  { key: 'ownershipDialogueMonths', label: 'Samtale om å eie egen bolig', unit: 'måneder mellom hver' },
  { key: 'interviewWithinWeeks', label: 'Kartleggingssamtale etter søknad', unit: 'uker' },
  { key: 'decisionWithinWeeks', label: 'Vedtak etter søknad', unit: 'uker' },
  { key: 'offerAnswerDays', label: 'Svarfrist på tilbud om bolig', unit: 'dager' },
  { key: 'moveInTasksWithinWeeks', label: 'Oppgaver før innflytting', unit: 'uker' },
  { key: 'missedVisitFollowUpBusinessDays', label: 'Oppfølging av et tapt hjemmebesøk', unit: 'virkedager' },
  { key: 'complaintsBeforeEscalation', label: 'Naboklager før saken går til boligutvalget', unit: 'klager' },
  { key: 'complaintWindowDays', label: 'Perioden naboklagene telles i', unit: 'dager' },
];

interface PolicyResponse {
  municipality: string;
  overrides: Record<string, unknown>;
  effective: Record<string, unknown> & { checklistItems?: Array<{ id: string; label: string }> };
}


/** The municipality's follow-up agreement template and its rules for new cases. */
export function Municipality() {
  const session = useSession();
  const municipality = session?.municipality ?? '';
  const canEdit = hasRole(session, 'housing_office');
  const data = useLoad(async () => {
    if (municipality === '*') throw new Error('Du arbeider for alle kommuner. Malen og retningslinjene hører til hver kommune.');
    const [template, policy] = await Promise.all([
      api.GET('/api/municipalities/{municipality}/agreement-template', { params: { path: { municipality } } }),
      api.GET('/api/municipalities/{municipality}/policy', { params: { path: { municipality } } }),
    ]);
    if (!template.data) throw new Error(errorText(template.error, 'Fikk ikke hentet avtalemalen.'));
    if (!policy.data) throw new Error(errorText(policy.error, 'Fikk ikke hentet retningslinjene.'));
    return { template: template.data as { version: number; rows: TemplateRow[] }, policy: policy.data as unknown as PolicyResponse };
  }, [municipality]);
  return (
    <div className="stack">
      <PageHeading>Avtalemal og retningslinjer</PageHeading>
      {data.loading && !data.data && <Loading what="malen og retningslinjene" />}
      {data.error && <ErrorAlert>{data.error}</ErrorAlert>}
      {data.data && (
        <>
          <PolicySection municipality={municipality} policy={data.data.policy} canEdit={canEdit} onSaved={data.reload} />
          <TemplateSection municipality={municipality} template={data.data.template} canEdit={canEdit} onPublished={data.reload} />
        </>
      )}
    </div>
  );
}

function PolicySection({ municipality, policy, canEdit, onSaved }: { municipality: string; policy: PolicyResponse; canEdit: boolean; onSaved: () => void }) {
  const headingId = useId();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(RULES.map((r) => [r.key, String(policy.effective[r.key] ?? '')])));
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, whileBusy] = useBusy();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed: Record<string, number> = {};
    for (const r of RULES) {
      const text = values[r.key]!.trim();
      if (!/^\d+$/.test(text)) return setOutcome({ ok: false, message: `${r.label}: skriv et helt tall.` });
      if (Number(text) !== policy.effective[r.key]) changed[r.key] = Number(text);
    }
    await whileBusy(
      async () => {
        // What the municipality set before stays; only the changed numbers are added.
        const { data, error } = await api.PUT('/api/municipalities/{municipality}/policy', { params: { path: { municipality } }, body: { ...policy.overrides, ...changed } });
        if (data) {
          setOutcome({ ok: true, message: 'Retningslinjene er lagret. De gjelder saker som starter fra nå.' });
          onSaved();
        } else setOutcome({ ok: false, message: errorText(error) });
      },
      () => setOutcome({ ok: false, message: 'Fikk ikke kontakt med Botrygg. Prøv igjen.' }),
    );
  };
  const checklist = policy.effective.checklistItems ?? [];
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>
        Retningslinjer for nye saker
      </Heading>
      <Paragraph>Frister og regler en ny sak følger. En endring gjelder saker som starter etter at den er lagret.</Paragraph>
      {outcome && (
        <Alert data-color={outcome.ok ? 'success' : 'danger'} role={outcome.ok ? 'status' : 'alert'}>
          <Paragraph>{outcome.message}</Paragraph>
        </Alert>
      )}
      {canEdit ? (
        <Card data-color="neutral" className="form-card">
          <form aria-labelledby={headingId} onSubmit={submit} noValidate>
            {RULES.map((r) => (
              <Textfield key={r.key} label={`${r.label} (${r.unit})`} inputMode="numeric" value={values[r.key]} onChange={(e) => setValues((v) => ({ ...v, [r.key]: e.target.value }))} />
            ))}
            <div>
              <Button type="submit" disabled={busy} aria-disabled={busy}>
                Lagre retningslinjene
              </Button>
            </div>
          </form>
        </Card>
      ) : (
        <dl className="facts">
          {RULES.map((r) => (
            <div key={r.key} className="fact">
              <dt>{r.label}</dt>
              <dd>
                {String(policy.effective[r.key] ?? '–')} {r.unit}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Heading level={3} data-size="xs">
        Sjekkliste ved innflytting
      </Heading>
      <ul>
        {checklist.map((c) => (
          <li key={c.id}>{c.label}</li>
        ))}
      </ul>
    </section>
  );
}

function TemplateSection({ municipality, template, canEdit, onPublished }: { municipality: string; template: { version: number; rows: TemplateRow[] }; canEdit: boolean; onPublished: () => void }) {
  const [editing, setEditing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  return (
    <section aria-labelledby="avtalemal" className="stack">
      <Heading level={2} data-size="sm" id="avtalemal">
        Mal for oppfølgingsavtale, versjon {template.version}
      </Heading>
      <Paragraph>Hver avtale er en kopi av malen. En ny versjon når en løpende avtale først når avtalen revideres og signeres på nytt.</Paragraph>
      {published !== null && (
        <Alert data-color="success" role="status">
          <Paragraph>Versjon {published} av malen er publisert. Nye avtaler lages fra den.</Paragraph>
        </Alert>
      )}
      {canEdit && !editing && (
        <div>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Lag en ny versjon av malen
          </Button>
        </div>
      )}
      {editing && (
        <TemplateEditor
          municipality={municipality}
          template={template}
          onCancel={() => setEditing(false)}
          onPublished={(version) => {
            setPublished(version);
            setEditing(false);
            onPublished();
          }}
        />
      )}
      <ol className="plain-list template-rows">
        {template.rows.map((row) => (
          <li key={row.key}>
            <Card data-color="neutral">
              <Heading level={3} data-size="xs">
                {row.situation}
              </Heading>
              {row.optional && <Tag data-color="neutral">Kan fjernes hvis det ikke er aktuelt</Tag>}
              <ul>
                {row.measures.map((m, i) => (
                  <li key={i}>
                    <Paragraph data-size="sm">
                      {m.text} <span className="meta">({m.responsible.map(roleLabel).join(', ')}{m.assessment ? '; vurdering' : ''})</span>
                    </Paragraph>
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}
