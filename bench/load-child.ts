import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openLoop, type LoadFigures, type LoadOptions } from './load';

/**
 * The load generator in a process of its own, so that the server under test and the generator do
 * not share one event loop (a busy server would otherwise delay the generator's own timers and
 * clocks, and the latencies would be the generator's).
 */
export interface LoadJob extends LoadOptions {
  targets: Array<{ label: string; paths: string[]; headers?: Record<string, string> }>;
}

if (process.argv[2] === 'child') {
  process.once('message', async (job: LoadJob) => {
    const results: LoadFigures[] = [];
    for (const t of job.targets) {
      process.send!({ progress: `${t.label} ` });
      results.push(await openLoop({ label: t.label, headers: t.headers, path: (i) => t.paths[i % t.paths.length]! }, job));
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
