/** Structured logs (pino), one JSON object per line on stdout. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'tussenstand' }, timestamp: pino.stdTimeFunctions.isoTime });
}
