import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** Structured logs to stderr, so stdout stays clean for data (`--json`). */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { app: 'pactwatch' } }, pino.destination(2));
}
