import { createHash } from 'node:crypto';
import session from 'express-session';
import type { SessionData } from 'express-session';
import type { JsonValue } from '@samform/model';
import type { Store } from '@samform/store';

/** How long a staff session lives without a new login. */
export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

// Session ids are stored hashed, so a copy of the database holds no usable session.
function key(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
}

/** express-session's store, kept in the storage port so that any server can serve any request. */
export class PortSessionStore extends session.Store {
  constructor(private readonly store: Store) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.store.getSession(key(sid), new Date()).then(
      (record) => callback(null, record === null ? null : (record.data as unknown as SessionData)),
      (error: unknown) => callback(error),
    );
  }

  override set(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    const expires = data.cookie.expires;
    const expiresAt = expires instanceof Date ? expires : new Date(Date.now() + SESSION_MAX_AGE_MS);
    const json = JSON.parse(JSON.stringify(data)) as { [key: string]: JsonValue };
    this.store.setSession(key(sid), { data: json, expiresAt: expiresAt.toISOString() }).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.store.destroySession(key(sid)).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

}
