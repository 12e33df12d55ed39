import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
import { scrubDeep, scrubPersonnummer } from './scrub-personnummer.ts';

/**
 * The JSON logger. Credentials are redacted and personnummer masked in every message and
 * field, because a log is read far more widely than the case it came from.
 */
export function createLogger(destination?: DestinationStream, level = 'info'): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'samform' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
    formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // pino would copy an error's raw message into `msg`; hand it a scrubbed one instead.
        const head = first instanceof Error ? [{ err: scrubDeep(first) }, ...(rest.length === 0 ? [first.message] : [])] : [first];
        const scrubbed = [...head, ...rest].map((arg) => (typeof arg === 'string' ? scrubPersonnummer(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
