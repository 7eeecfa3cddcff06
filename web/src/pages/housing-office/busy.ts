import { useState } from 'react';

/**
 * One request at a time for a housing-office form: `busy` while `work` runs (the submit button shows
 * it), and `offline` when the request never reached Botrygg, so the form says so instead of failing.
 */
export function useBusy(): [busy: boolean, whileBusy: (work: () => Promise<void>, offline: () => void) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const whileBusy = async (work: () => Promise<void>, offline: () => void) => {
    setBusy(true);
    try {
      await work();
    } catch {
      offline();
    } finally {
      setBusy(false);
    }
  };
  return [busy, whileBusy];
}
