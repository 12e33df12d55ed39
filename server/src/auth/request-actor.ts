import type { Request } from 'express';
import type { ApiKey, Store } from '@samform/store';
import type { Actor } from './actor.ts';
import { ANONYMOUS } from './actor.ts';
import { hashApiKey } from './hash-api-key.ts';
import type { StaffAuth } from './staff-auth.ts';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/**
 * The actor of a request addressed to `tenant`: an API key (Authorization: Bearer) wins over
 * the session. A key of another tenant becomes that tenant's actor, so the caller sees 404
 * rather than 401; an unknown key is anonymous.
 */
export async function requestActor(store: Store, staffAuth: StaffAuth, req: Request, tenant: string): Promise<Actor> {
  const authorization = req.get('authorization');
  if (authorization === undefined) return staffAuth.sessionActor(req);
  const secret = BEARER.exec(authorization)?.[1];
  if (secret === undefined) return ANONYMOUS;
  const hash = hashApiKey(secret);
  const own = await store.findApiKeyByHash(tenant, hash);
  if (own !== null) {
    await noteKeyUse(store, tenant, own);
    return { kind: 'api-key', tenant, keyId: own.id, ...(own.queues === undefined ? {} : { queues: own.queues }) };
  }
  // The port has no unscoped key lookup by design; this walk only runs for a key that is
  // not the addressed tenant's, to tell "someone else's" (404) from "no one's" (401).
  for (const other of await store.listTenants()) {
    if (other.id === tenant) continue;
    const key = await store.findApiKeyByHash(other.id, hash);
    if (key !== null) return { kind: 'api-key', tenant: other.id, keyId: key.id, ...(key.queues === undefined ? {} : { queues: key.queues }) };
  }
  return ANONYMOUS;
}

// "Last used" is for people deciding whether a key can go; a write per minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

async function noteKeyUse(store: Store, tenant: string, key: ApiKey): Promise<void> {
  const now = Date.now();
  const last = key.lastUsedAt == null ? 0 : Date.parse(key.lastUsedAt);
  if (now - last >= TOUCH_EVERY_MS) await store.touchApiKey(tenant, key.id, new Date(now).toISOString());
}
