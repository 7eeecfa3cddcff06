import fs from 'node:fs';
import type pg from 'pg';

/**
 * Where the CPU goes while the cluster bench seeds: per group of processes (Temporal server, workers,
 * APIs, the PostgreSQL backends serving this run's three databases, the bench client itself) the
 * share of one core it used over a phase, sampled from /proc every `intervalMs`, as pidstat would.
 * The machine's own busy share is reported beside them: the machine is shared, and CPU that none of
 * our groups used was someone else's (or PostgreSQL's shared background processes).
 */
export interface CpuShares {
  /** Percent of one core per group, over the phase. */
  groups: Record<string, number>;
  /** Percent of the whole machine (all cores) busy, everything included. */
  machineBusy: number;
  cores: number;
  seconds: number;
}

const TICKS_PER_SECOND = 100;

/** utime + stime of a process in clock ticks; undefined when it is gone. */
function processTicks(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function machineTicks(): { busy: number; total: number; cores: number } {
  const lines = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const all = lines[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = all[3]! + (all[4] ?? 0);
  const total = all.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total, cores: lines.filter((l) => /^cpu\d/.test(l)).length };
}

export interface CpuSampler {
  stop(): Promise<CpuShares>;
}

/**
 * Starts sampling. `groups` names the fixed processes by group (pids read at each sample, so a
 * restarted worker is followed); the PostgreSQL backends are found in pg_stat_activity by database.
 */
export function sampleCpu(opts: { groups: () => Record<string, Array<number | undefined>>; admin: pg.Pool; databases: string[]; intervalMs?: number }): CpuSampler {
  const last = new Map<number, number>();
  const used: Record<string, number> = {};
  const selfStart = process.cpuUsage();
  const machineStart = machineTicks();
  const started = performance.now();
  let stopped = false;

  const sample = async () => {
    const pids: Record<string, number[]> = {};
    for (const [group, list] of Object.entries(opts.groups())) pids[group] = list.filter((p): p is number => !!p);
    const { rows } = await opts.admin
      .query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)', [opts.databases])
      .catch(() => ({ rows: [] as Array<{ pid: number }> }));
    pids.PostgreSQL = rows.map((r) => r.pid);
    for (const [group, list] of Object.entries(pids)) {
      for (const pid of list) {
        const ticks = processTicks(pid);
        if (ticks === undefined) continue;
        // A process first seen counts from here on (its earlier CPU belongs to an earlier phase).
        const before = last.get(pid);
        if (before !== undefined) used[group] = (used[group] ?? 0) + (ticks - before);
        else used[group] ??= 0;
        last.set(pid, ticks);
      }
    }
  };

  const loop = (async () => {
    await sample();
    while (!stopped) {
      await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1000));
      await sample();
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
      const seconds = (performance.now() - started) / 1000;
      const self = process.cpuUsage(selfStart);
      const machine = machineTicks();
      const groups: Record<string, number> = {};
      for (const [group, ticks] of Object.entries(used)) groups[group] = (100 * ticks) / TICKS_PER_SECOND / seconds;
      groups['bench client'] = (100 * (self.user + self.system)) / 1e6 / seconds;
      const total = machine.total - machineStart.total;
      return { groups, machineBusy: total ? (100 * (machine.busy - machineStart.busy)) / total : NaN, cores: machine.cores, seconds };
    },
  };
}

/** "Temporal 95%, PostgreSQL 40%, …" (of one core), largest first, and the machine's busy share. */
export function describeCpu(c: CpuShares): string {
  const parts = Object.entries(c.groups)
    .sort((a, b) => b[1] - a[1])
    .map(([g, v]) => `${g} ${v.toFixed(0)}%`);
  return `${parts.join(', ')} of one core; machine ${c.machineBusy.toFixed(0)}% busy (${c.cores} cores)`;
}
