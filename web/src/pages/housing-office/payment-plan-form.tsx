import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { addMonths } from '../../../../domain/calendar';
import { formatDate, formatKroner, todayInOslo } from '../../format';
import { ActionCard, DateField, NoteField, useAction, type Outcome } from '../form-parts';
import { kronerToOre } from './dwellings';

/**
 * A payment plan (agreePaymentPlan): equal monthly instalments from a first date. The ladder holds
 * while each is paid; the case refuses a plan with its own words (no arrears, a plan already active).
 */
export function PaymentPlanForm({ caseId, overdueOre, onDone }: { caseId: string; overdueOre: number; onDone: (message: string) => void }) {
  const act = useAction(caseId);
  const today = todayInOslo();
  const [agreedDate, setAgreedDate] = useState(today);
  const [firstDate, setFirstDate] = useState(addMonths(today, 1));
  const [count, setCount] = useState('3');
  const [amount, setAmount] = useState(String(Math.ceil(overdueOre / 300)));
  const [note, setNote] = useState('');
  const n = /^\d+$/.test(count.trim()) ? Number(count.trim()) : NaN;
  const ore = kronerToOre(amount);
  const valid = Number.isInteger(n) && n >= 1 && n <= 36 && ore !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(firstDate);
  const instalments = valid ? Array.from({ length: n }, (_, i) => ({ dueDate: addMonths(firstDate, i), amountOre: ore })) : [];
  const send = async (key: string): Promise<Outcome> => {
    if (!valid) return { ok: false, message: 'Skriv antall avdrag (1–36), beløpet for hvert avdrag i kroner og datoen for første avdrag.' };
    return act(key, { type: 'agreePaymentPlan', agreedDate, instalments, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <ActionCard title="Avtal en betalingsordning" submitLabel="Avtal betalingsordningen" send={send} onDone={onDone}>
      <Paragraph data-size="sm">Forfalt nå: {formatKroner(overdueOre)}. Avdragene forfaller samme dag hver måned.</Paragraph>
      <DateField label="Avtalt dato" value={agreedDate} onChange={setAgreedDate} />
      <DateField label="Første avdrag" value={firstDate} onChange={setFirstDate} />
      <Textfield label="Antall avdrag" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
      <Textfield label="Beløp for hvert avdrag (kr)" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      {valid && (
        <Paragraph data-size="sm" className="plan-preview">
          {n} avdrag på {formatKroner(ore)}, til sammen {formatKroner(n * ore)}, siste {formatDate(instalments.at(-1)!.dueDate)}.
        </Paragraph>
      )}
      <NoteField label="Notat (valgfritt)" value={note} onChange={setNote} />
    </ActionCard>
  );
}
