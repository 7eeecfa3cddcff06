import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/helpers/chromium';

export interface FirstLoad {
  label: string;
  runs: number;
  p50: number;
  max: number;
}

/**
 * The staff app's first load in Debian's Chromium, cold (a new browser context each time, so no cache):
 * from navigation until the page's content is on screen. The "Logg inn" page (with the picker) reads no case data and
 * is the baseline; the work lists read the seeded read model. Skipped without Chromium.
 */
export async function measureFirstLoads(base: string, runs = 7): Promise<FirstLoad[] | undefined> {
  if (!fs.existsSync(CHROMIUM)) return undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const session = (token: string, userId: string, roles: string[]) => JSON.stringify({ token, userId, roles, municipality: 'tynset' });
  const load = async (label: string, path: string, ready: string, signedIn?: string): Promise<FirstLoad> => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      // The session the picker would have stored (web/src/auth.ts), set before the app's own script runs.
      if (signedIn) await context.addInitScript(`sessionStorage.setItem('botrygg.session', ${JSON.stringify(signedIn)})`);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${base}${path}`);
      await page.getByText(new RegExp(ready)).first().waitFor({ timeout: 30_000 });
      times.push(performance.now() - t0);
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { label, runs, p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
  };
  try {
    return [
      await load('baseline: Logg inn with the picker (no case data)', '/logg-inn', 'Fortsett som ola.hansen'),
      await load('Arbeidsliste, boligkonsulent', '/arbeidsliste', 'åpne oppgaver, \\d+ forfalt', session('dev-boligkonsulent', 'kari.nordmann', ['housing_officer'])),
      await load('Mine oppgaver, oppfølger', '/', 'åpne oppgaver|ingen åpne oppgaver', session('dev-oppfolger', 'ola.hansen', ['follow_up_worker'])),
    ];
  } finally {
    await browser.close();
  }
}
