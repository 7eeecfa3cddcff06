import { Checkbox, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, errorText } from '../api/client';
import type { paths } from '../api/schema';
import { EFFECT_KINDS, EFFECTS, MEMBER_ROLES, type DecisionRow, type EffectKind, type MeetingDetail, type Member } from '../committee/types';
import { ActionCard, NoteField, type Outcome } from './form-parts';

type OnDone = (message: string) => void;
type MinutesBody = paths['/api/committees/{committeeId}/meetings/{meetingId}/minutes']['post']['requestBody']['content']['application/json'];

/** The secretary puts an item of her own on the agenda, with or without a case. */
export function AddAgendaItem({ committeeId, meetingId, onDone }: { committeeId: string; meetingId: string; onDone: OnDone }) {
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [caseId, setCaseId] = useState('');
  const send = async (key: string): Promise<Outcome> => {
    const body = { title, why, ...(caseId.trim() ? { caseId: caseId.trim().toUpperCase() } : {}) };
    const { data, error, response } = await api.POST('/api/committees/{committeeId}/meetings/{meetingId}/agenda-items', { params: { path: { committeeId, meetingId }, header: { 'Idempotency-Key': key } }, body });
    if (!data) return { ok: false, message: errorText(error), status: response.status };
    setTitle('');
    setWhy('');
    setCaseId('');
    return { ok: true, message: data.message };
  };
  return (
    <div className="no-print">
      <ActionCard title="Sett en sak på sakslisten" submitLabel="Sett på sakslisten" send={send} onDone={onDone}>
        <Textfield label="Tittel" value={title} onChange={(e) => setTitle(e.target.value)} required />
        <NoteField label="Hvorfor saken skal opp" value={why} onChange={setWhy} />
        <Textfield label="Saksnummer (valgfritt)" description="For eksempel TYN-2026-7KX3QF" value={caseId} onChange={(e) => setCaseId(e.target.value)} autoComplete="off" />
      </ActionCard>
    </div>
  );
}

interface DraftDecision {
  text: string;
  responsibleMemberId: string;
  deadline: string;
  effect: EffectKind | '';
  dwellingId: string;
}

const EMPTY: DraftDecision = { text: '', responsibleMemberId: '', deadline: '', effect: '', dwellingId: '' };

/**
 * The minutes: who was there, and one decision per item. A decision about a case carries an effect
 * (without one it is noted on the case); the committee refuses the minutes in its own words when
 * the meeting has not begun or something does not add up.
 */
export function MinutesForm({ committeeId, meeting, members, onDone }: { committeeId: string; meeting: MeetingDetail; members: Member[]; onDone: OnDone }) {
  const [present, setPresent] = useState<Record<string, boolean>>(() => Object.fromEntries(members.map((m) => [m.id, true])));
  const [approvedBy, setApprovedBy] = useState(members.find((m) => m.role === 'chair')?.id ?? '');
  const [drafts, setDrafts] = useState<Record<string, DraftDecision>>({});
  const draft = (itemId: string) => drafts[itemId] ?? EMPTY;
  const edit = (itemId: string, patch: Partial<DraftDecision>) => setDrafts((d) => ({ ...d, [itemId]: { ...(d[itemId] ?? EMPTY), ...patch } }));
  const send = async (key: string): Promise<Outcome> => {
    const decisions = meeting.agenda
      .filter((item) => draft(item.id).text.trim())
      .map((item) => {
        const d = draft(item.id);
        const effect = item.caseId && d.effect ? (d.effect === 'allocate_dwelling' ? { kind: d.effect, dwellingId: d.dwellingId.trim() } : { kind: d.effect }) : undefined;
        return {
          itemId: item.id,
          text: d.text.trim(),
          ...(d.responsibleMemberId ? { responsibleMemberId: d.responsibleMemberId } : {}),
          ...(d.deadline ? { deadline: d.deadline } : {}),
          ...(effect ? { effect } : {}),
        };
      });
    const body = {
      attendance: members.map((m) => ({ memberId: m.id, present: present[m.id] ?? false })),
      decisions,
      ...(approvedBy ? { approvedBy } : {}),
    };
    const { data, error, response } = await api.POST('/api/committees/{committeeId}/meetings/{meetingId}/minutes', {
      params: { path: { committeeId, meetingId: meeting.id }, header: { 'Idempotency-Key': key } },
      // The effect's kinds are the API's own (EFFECT_KINDS); the cast only narrows the string union.
      body: body as MinutesBody,
    });
    return data ? { ok: true, message: data.message } : { ok: false, message: errorText(error), status: response.status };
  };
  return (
    <div className="no-print">
      <ActionCard title="Før referat" submitLabel="Lagre referatet" send={send} onDone={onDone}>
        {members.length === 0 ? (
          <Paragraph>Utvalget har ingen medlemmer registrert.</Paragraph>
        ) : (
          <Fieldset>
            <Fieldset.Legend>Til stede</Fieldset.Legend>
            {members.map((m) => (
              <Checkbox key={m.id} label={`${m.name} (${m.agency}, ${MEMBER_ROLES[m.role] ?? m.role})`} checked={present[m.id] ?? false} onChange={(e) => setPresent((p) => ({ ...p, [m.id]: e.target.checked }))} />
            ))}
          </Fieldset>
        )}
        <MemberSelect label="Referatet godkjennes av" members={members} value={approvedBy} onChange={setApprovedBy} />
        {meeting.agenda.map((item) => {
          const d = draft(item.id);
          return (
            <Fieldset key={item.id} className="decision-fields">
              <Fieldset.Legend>Beslutning: {item.title}</Fieldset.Legend>
              <Fieldset.Description>{item.caseId ? `Gjelder sak ${item.caseId}.` : 'Gjelder ingen enkeltsak.'} La feltet stå tomt hvis utvalget ikke tok stilling.</Fieldset.Description>
              <Textfield label="Vedtak" multiline rows={2} value={d.text} onChange={(e) => edit(item.id, { text: e.target.value })} />
              <MemberSelect label="Ansvarlig" members={members} value={d.responsibleMemberId} onChange={(v) => edit(item.id, { responsibleMemberId: v })} />
              <Textfield label="Frist (valgfritt)" type="date" value={d.deadline} onChange={(e) => edit(item.id, { deadline: e.target.value })} />
              {item.caseId && (
                <Field>
                  <Label>Virkning i saken</Label>
                  <Select value={d.effect} onChange={(e) => edit(item.id, { effect: e.target.value as EffectKind | '' })}>
                    <Select.Option value="">Føres i saken (ingen handling)</Select.Option>
                    {EFFECT_KINDS.filter((k) => k !== 'note').map((k) => (
                      <Select.Option key={k} value={k}>
                        {EFFECTS[k]}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
              )}
              {item.caseId && d.effect === 'allocate_dwelling' && (
                <Textfield label="Bolig-ID fra boligregisteret" description="For eksempel TYN-0212" value={d.dwellingId} onChange={(e) => edit(item.id, { dwellingId: e.target.value })} />
              )}
            </Fieldset>
          );
        })}
      </ActionCard>
    </div>
  );
}

function MemberSelect({ label, members, value, onChange }: { label: string; members: Member[]; value: string; onChange: (v: string) => void }) {
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value="">Ingen</Select.Option>
        {members.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.name} ({m.agency})
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** A decision reported done leaves the follow-up list of the next agendas. */
export function MarkDecisionDone({ committeeId, meetingId, decision, onDone }: { committeeId: string; meetingId: string; decision: DecisionRow; onDone: OnDone }) {
  const [note, setNote] = useState('');
  const send = async (key: string): Promise<Outcome> => {
    const { data, error, response } = await api.POST('/api/committees/{committeeId}/meetings/{meetingId}/decisions/{itemId}/done', {
      params: { path: { committeeId, meetingId, itemId: decision.itemId }, header: { 'Idempotency-Key': key } },
      body: note.trim() ? { note: note.trim() } : {},
    });
    return data ? { ok: true, message: data.message } : { ok: false, message: errorText(error), status: response.status };
  };
  return (
    <div className="no-print">
      <ActionCard title={`Meld utført: ${decision.text}`} submitLabel="Meld utført" send={send} onDone={onDone}>
        <NoteField label="Merknad (valgfritt)" value={note} onChange={setNote} />
      </ActionCard>
    </div>
  );
}
