import { findTemporalCli } from '../../platform/temporal-cli';

/** Builds (first time) or finds the pinned Temporal CLI and prints its path. */
const cli = await findTemporalCli({ progress: (line) => console.error(line) });
if (!cli) {
  console.error('No Temporal CLI: set TEMPORAL_CLI, put `temporal` on PATH, or install Go so it can be built.');
  process.exit(1);
}
console.log(cli);
