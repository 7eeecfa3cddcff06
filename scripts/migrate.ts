import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import { runMain } from '../platform/run-main';

runMain('migrate', async (logger) => {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  await database.migrate();
  await database.close();
  logger.info({ database: database.kind }, 'Migrations applied');
});
