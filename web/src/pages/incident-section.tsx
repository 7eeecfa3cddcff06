import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, errorText } from '../api/client';
import { useSession } from '../auth';
import { formatDate, formatDateTime, roleLabel, SITUATION_LABELS } from '../format';
import type { LiveCase, paths } from '../live';
import { ErrorAlert, useLoad } from '../ui';
import { ActionCard, NoteField, RadioGroup, type Outcome } from './form-parts';

type Incident = paths['/api/tenancies/{caseId}/incidents']['get']['responses'][200]['content']['application/json']['incidents'][number];
type IncidentAction = paths['/api/tenancies/{caseId}/incidents/{incidentId}/actions']['post']['requestBody']['content']['application/json'];
type OpenTask = Incident['openTasks'][number];

const STATUS_LABELS: Record<string, string> = { open: 'Åpen', closed: 'Avsluttet', withdrawn: 'Trukket tilbake' };

/** The case's incidents and their open measures: a measure done with a note, an assessment as yes/no with a note. */
export function IncidentSection({ caseId, refresh, onDone }: { caseId: string; live?: LiveCase | null; refresh: unknown; onDone: (message: string) => void }) {
  const session = useSession();
  const incidents = useLoad(async () => {
    const { data, error } = await api.GET('/api/tenancies/{caseId}/incidents', { params: { path: { caseId } } });
    if (!data) throw new Error(errorText(error, 'Fikk ikke hentet hendelsene.'));
    return data.incidents;
  }, [caseId, refresh]);
  const situation = (key: string) => SITUATION_LABELS[key] ?? key;
  const mine = (t: OpenTask) => session?.roles.includes('admin') || session?.roles.includes(t.role);
  if (incidents.error) return <ErrorAlert>{incidents.error}</ErrorAlert>;
  if (!incidents.data?.length) return null;
  return (
    <section aria-labelledby="hendelser" className="stack">
      <Heading level={2} data-size="sm" id="hendelser">
        Hendelser
      </Heading>
      <ul className="plain-list">
        {incidents.data.map((i) => (
          <li key={i.incidentId}>
            <Card data-color="neutral" className="stack">
              <Heading level={3} data-size="2xs">
                {situation(i.situation)}
              </Heading>
              <div className="row">
                <Tag data-color={i.status === 'open' ? 'warning' : 'neutral'}>{STATUS_LABELS[i.status] ?? i.status}</Tag>
                <Paragraph data-size="sm">
                  Meldt {formatDateTime(i.reportedAt)} · {i.incidentId}
                </Paragraph>
              </div>
              {i.openTasks.length > 0 && (
                <ul className="plain-list" aria-label={`Åpne tiltak for ${i.incidentId}`}>
                  {i.openTasks.map((t) => (
                    <li key={t.id}>
                      {mine(t) ? (
                        <MeasureForm caseId={caseId} incidentId={i.incidentId} task={t} onDone={onDone} />
                      ) : (
                        <Paragraph data-size="sm">
                          {t.title} ({roleLabel(t.role)}, frist {formatDate(t.dueDate)})
                        </Paragraph>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MeasureForm({ caseId, incidentId, task, onDone }: { caseId: string; incidentId: string; task: OpenTask; onDone: (message: string) => void }) {
  const [decision, setDecision] = useState<'yes' | 'no' | ''>('');
  const [note, setNote] = useState('');
  const send = async (key: string): Promise<Outcome> => {
    if (task.assessment && !decision) return { ok: false, message: 'Svar ja eller nei på vurderingen.' };
    const body: IncidentAction = task.assessment && decision ? { type: 'recordAssessment', taskId: task.id, decision, note } : { type: 'completeMeasure', taskId: task.id, note };
    const { error, response } = await api.POST('/api/tenancies/{caseId}/incidents/{incidentId}/actions', { params: { path: { caseId, incidentId }, header: { 'Idempotency-Key': key } }, body });
    if (!response.ok) return { ok: false, message: errorText(error) };
    return { ok: true, message: task.assessment ? `Vurderingen «${task.title}» er registrert.` : `Tiltaket «${task.title}» er utført.` };
  };
  return (
    <ActionCard title={task.title} submitLabel={task.assessment ? 'Registrer vurderingen' : 'Marker tiltaket som utført'} onDone={onDone} send={send}>
      <Paragraph data-size="sm">
        {roleLabel(task.role)}, frist {formatDate(task.dueDate)}
      </Paragraph>
      {task.assessment && <RadioGroup legend="Vurdering" name={`${incidentId}-${task.id}`} value={decision} onChange={setDecision} options={[['yes', 'Ja'], ['no', 'Nei']]} />}
      <NoteField label={task.assessment ? 'Begrunnelse' : 'Hva ble gjort?'} description="Minst tre tegn. Notatet står i saken." value={note} onChange={setNote} />
    </ActionCard>
  );
}
