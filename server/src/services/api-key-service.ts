import { randomBytes, randomUUID } from 'node:crypto';
import { NotFoundError } from '@samform/model';
import type { ApiKey, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { hashApiKey } from '../auth/hash-api-key.ts';
import { authorizeStaff } from '../auth/permissions.ts';
import { BodyReader } from './staff-input.ts';
import type { ServiceDeps } from './service-deps.ts';

/** An API key as its tenant's administrators see it: never the secret nor its hash. */
export interface ApiKeyView {
  id: string;
  label: string;
  prefix: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** The queues it may reach; null for all. */
  queues: string[] | null;
  demo: boolean;
}

// Secrets carry a recognisable prefix so secret scanners and people can tell what leaked.
const SECRET_PREFIX = 'sfk_';
const SHOWN_PREFIX_LENGTH = SECRET_PREFIX.length + 6;

function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

function viewOf(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    label: key.label,
    prefix: key.prefix ?? null,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt ?? null,
    queues: key.queues ?? null,
    demo: key.demo,
  };
}

async function requireKey(deps: ServiceDeps, tenant: string, id: string): Promise<ApiKey> {
  const key = id.length <= 100 ? await deps.store.getApiKey(tenant, id) : null;
  if (key === null) throw new NotFoundError('api-key-not-found', 'The tenant has no such API key.');
  return key;
}

/** The tenant's keys, oldest first. */
export async function listApiKeys(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<ApiKeyView[]> {
  authorizeStaff(actor, input.tenant.id, 'api-keys:manage');
  return (await deps.store.listApiKeys(input.tenant.id)).map(viewOf);
}

/** Create a key for the tenant's integration, optionally limited to some queues; the secret is returned this once. */
export async function createApiKey(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; body: { [key: string]: unknown } }): Promise<{ key: ApiKeyView; secret: string }> {
  const admin = authorizeStaff(actor, input.tenant.id, 'api-keys:manage');
  const read = new BodyReader(input.body, ['label', 'queues']);
  const label = read.text('label', 100);
  const queues = read.has('queues') ? read.queues('queues', (await deps.store.listQueues(input.tenant.id)).map((q) => q.id)) : undefined;
  read.done('invalid-api-key', 'API key');
  const secret = newSecret();
  const key: ApiKey = {
    id: randomUUID(),
    label: label!,
    hash: hashApiKey(secret),
    createdAt: deps.clock().toISOString(),
    demo: false,
    prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
    ...(queues === undefined ? {} : { queues }),
  };
  await deps.store.putApiKey(input.tenant.id, key);
  await deps.audit(input.tenant.id, admin, { kind: 'api-key-created', target: key.id, detail: { label: key.label, queues: key.queues ?? null } });
  return { key: viewOf(key), secret };
}

/** Give a key a new secret (returned this once); the old secret stops working at once. */
export async function rotateApiKey(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; id: string }): Promise<{ key: ApiKeyView; secret: string }> {
  const admin = authorizeStaff(actor, input.tenant.id, 'api-keys:manage');
  const old = await requireKey(deps, input.tenant.id, input.id);
  const secret = newSecret();
  const { lastUsedAt: _unused, ...rest } = old;
  const key: ApiKey = { ...rest, hash: hashApiKey(secret), prefix: secret.slice(0, SHOWN_PREFIX_LENGTH), createdAt: deps.clock().toISOString(), demo: false };
  await deps.store.putApiKey(input.tenant.id, key);
  await deps.audit(input.tenant.id, admin, { kind: 'api-key-rotated', target: key.id, detail: { label: key.label } });
  return { key: viewOf(key), secret };
}

/** Revoke a key: it stops working at once and is gone. */
export async function revokeApiKey(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; id: string }): Promise<void> {
  const admin = authorizeStaff(actor, input.tenant.id, 'api-keys:manage');
  const key = await requireKey(deps, input.tenant.id, input.id);
  await deps.store.deleteApiKey(input.tenant.id, key.id);
  await deps.audit(input.tenant.id, admin, { kind: 'api-key-revoked', target: key.id, detail: { label: key.label } });
}
