import { ConfigError } from '../config/env';
import { createLogger, type Logger } from './logger';

/** Entry-point wrapper: one structured log line and a non-zero exit on any start-up failure. */
export function runMain(name: string, main: (logger: Logger) => Promise<void>): void {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info', { process: name });
  main(logger).catch((err: unknown) => {
    if (err instanceof ConfigError) {
      console.error(err.message);
    } else {
      logger.fatal({ err }, `${name} stopped with an error`);
    }
    process.exit(1);
  });
}
