import { slugify } from '@samform/model';
import type { LocalText } from '@samform/model';
import type { Queue, Tenant } from '@samform/store';
import { pointerOf, type FormProblem } from './form-problem.ts';

/** The shape of `forms/tenants.json`: the demo tenants and the queues every municipality gets. */
export interface TenantsFile {
  collaborations: { id: string; name: string; members: string[] }[];
  municipalities: { id: string; name: string }[];
  /** Every municipality gets each of these queues; collaborations receive no cases. */
  queues: { id: string; name: LocalText; delivery: { kind: 'pull' } }[];
}

/** The tenants and their queues read from `tenants.json`. */
export interface TenantRegistry {
  /** Sorted by id, like the store lists them. */
  tenants: Tenant[];
  /** Queues per municipality id. */
  queues: Record<string, Queue[]>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Check the parsed `tenants.json` and turn it into tenants and queues, or list its problems. */
export function readTenants(value: unknown): { registry: TenantRegistry } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const problem = (message: string, ...tokens: (string | number)[]) => problems.push({ pointer: pointerOf(...tokens), message });

  if (!isRecord(value)) return { problems: [{ pointer: '', message: 'must be an object with collaborations, municipalities and queues' }] };
  const known = new Set(['collaborations', 'municipalities', 'queues']);
  for (const key of Object.keys(value)) if (!known.has(key)) problem(`unknown key "${key}"`, key);
  const collaborations = arrayAt(value, 'collaborations', problem);
  const municipalities = arrayAt(value, 'municipalities', problem);
  const queueEntries = arrayAt(value, 'queues', problem);

  const ids = new Set<string>();
  const tenant = (entry: unknown, list: string, index: number): { id: string; name: string } | null => {
    if (!isRecord(entry)) {
      problem('must be an object with id and name', list, index);
      return null;
    }
    const { id, name } = entry;
    if (typeof name !== 'string' || name.trim() === '') {
      problem('must be the tenant\'s name', list, index, 'name');
      return null;
    }
    if (typeof id !== 'string' || !SLUG.test(id)) {
      problem('must be a slug: lowercase letters, digits and dashes', list, index, 'id');
      return null;
    }
    if (id !== slugify(name)) problem(`must be "${slugify(name)}", the slug of the name "${name}"`, list, index, 'id');
    if (ids.has(id)) problem(`"${id}" is used by another tenant`, list, index, 'id');
    ids.add(id);
    return { id, name };
  };

  const municipalityIds = new Set<string>();
  const memberOf = new Map<string, string[]>();
  const tenants: Tenant[] = [];
  municipalities.forEach((entry, i) => {
    const t = tenant(entry, 'municipalities', i);
    if (!t) return;
    municipalityIds.add(t.id);
    memberOf.set(t.id, []);
  });
  collaborations.forEach((entry, i) => {
    const t = tenant(entry, 'collaborations', i);
    if (!t || !isRecord(entry)) return;
    tenants.push({ ...t, kind: 'collaboration', memberOf: [] });
    const members = entry.members;
    if (!Array.isArray(members) || members.length === 0) {
      problem('must list the member municipalities\' ids', 'collaborations', i, 'members');
      return;
    }
    members.forEach((member, j) => {
      if (typeof member !== 'string' || !municipalityIds.has(member)) {
        problem(`"${String(member)}" is not one of the municipalities`, 'collaborations', i, 'members', j);
      } else if (memberOf.get(member)?.includes(t.id)) {
        problem(`"${member}" is listed twice`, 'collaborations', i, 'members', j);
      } else {
        memberOf.get(member)?.push(t.id);
      }
    });
  });
  municipalities.forEach((entry) => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || !municipalityIds.has(entry.id)) return;
    tenants.push({ id: entry.id, name: String(entry.name), kind: 'municipality', memberOf: memberOf.get(entry.id) ?? [] });
  });

  const queues: Queue[] = [];
  const queueIds = new Set<string>();
  queueEntries.forEach((entry, i) => {
    if (!isRecord(entry)) {
      problem('must be an object with id, name and delivery', 'queues', i);
      return;
    }
    const { id, name, delivery } = entry;
    if (typeof id !== 'string' || !SLUG.test(id)) problem('must be a slug: lowercase letters, digits and dashes', 'queues', i, 'id');
    else if (queueIds.has(id)) problem(`"${id}" is used by another queue`, 'queues', i, 'id');
    if (!isLocalText(name)) problem('must be a text per locale with at least "sv" and "en"', 'queues', i, 'name');
    if (!isRecord(delivery) || delivery.kind !== 'pull') problem('must be { "kind": "pull" }', 'queues', i, 'delivery');
    if (typeof id === 'string' && isLocalText(name)) {
      queueIds.add(id);
      queues.push({ id, name, delivery: { kind: 'pull' } });
    }
  });

  if (problems.length > 0) return { problems };
  tenants.sort((a, b) => a.id.localeCompare(b.id));
  const queuesByTenant: Record<string, Queue[]> = {};
  for (const t of tenants) {
    if (t.kind === 'municipality') queuesByTenant[t.id] = queues.map((q) => ({ ...q, name: { ...q.name } }));
  }
  return { registry: { tenants, queues: queuesByTenant } };
}

function arrayAt(record: Record<string, unknown>, key: string, problem: (message: string, ...tokens: string[]) => void): unknown[] {
  const value = record[key];
  if (Array.isArray(value)) return value;
  problem('must be a list', key);
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalText(value: unknown): value is LocalText {
  return isRecord(value) && typeof value.sv === 'string' && typeof value.en === 'string';
}
