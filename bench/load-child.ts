import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openLoop, type LoadFigures, type LoadOptions } from './load';

/**
 * The load generator in a process of its own, so that the server under test and the generator do
 * not share one event loop (a busy server would otherwise delay the generator's own timers and
 * clocks, and the latencies would be the generator's).
 */
export interface LoadJob extends LoadOptions {
  /**
   * Request k of a target goes to paths[k % paths.length] with headerSets[k % headerSets.length]
   * (the same length pairs each path with its user) on bases[k % bases.length]; a target's own
   * ratePerSecond overrides the job's.
   */
  targets: Array<{ label: string; paths: string[]; headers?: Record<string, string>; headerSets?: Array<Record<string, string>>; bases?: string[]; ratePerSecond?: number }>;
  /** All targets at once (a mix of routes in one run, as staff use them), not one after another. */
  concurrent?: boolean;
}

if (process.argv[2] === 'child') {
  process.once('message', async (job: LoadJob) => {
    const run = (t: LoadJob['targets'][number]) => {
      const { headerSets, bases } = t;
      return openLoop(
        {
          label: t.label,
          headers: headerSets ? (i) => headerSets[i % headerSets.length]! : t.headers,
          base: bases ? (i) => bases[i % bases.length]! : undefined,
          path: (i) => t.paths[i % t.paths.length]!,
        },
        { ...job, ratePerSecond: t.ratePerSecond ?? job.ratePerSecond },
      );
    };
    const results: LoadFigures[] = [];
    if (job.concurrent) {
      process.send!({ progress: `${job.targets.map((t) => t.label).join(', ')} ` });
      results.push(...(await Promise.all(job.targets.map(run))));
    } else {
      for (const t of job.targets) {
        process.send!({ progress: `${t.label} ` });
        results.push(await run(t));
      }
    }
    process.send!({ results }, () => process.exit(0));
  });
}

/** Runs the targets one after another at the job's rate in a child process and returns their figures. */
export function runLoad(job: LoadJob, progress: (line: string) => void = () => {}): Promise<LoadFigures[]> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['child'], { execArgv: ['--import', 'tsx'] });
    let results: LoadFigures[] | undefined;
    proc.on('message', (m: { progress?: string; results?: LoadFigures[] }) => {
      if (m.progress) progress(m.progress);
      if (m.results) results = m.results;
    });
    proc.on('exit', (code) => (results ? resolve(results) : reject(new Error(`load generator exited with ${code}`))));
    proc.send(job);
  });
}
