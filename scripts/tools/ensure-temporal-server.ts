import { findTemporalServer } from '../../platform/temporal-server';

/** Builds (first time) or finds the pinned Temporal server and SQL schema tool and prints where they are. */
const tools = await findTemporalServer({ progress: (line) => console.error(line) });
if (!tools) {
  console.error('No Temporal server: install Go so it can be built (`go install go.temporal.io/server/cmd/server`).');
  process.exit(1);
}
console.log(JSON.stringify(tools, null, 2));
