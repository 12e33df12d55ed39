import { createHash } from 'node:crypto';

/** SHA-256 hex of an API key secret: the only form in which keys are stored. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
