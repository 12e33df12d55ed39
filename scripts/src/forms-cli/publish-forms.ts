import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeRefusal } from './describe-refusal.ts';
import type { SamformSession } from './samform-session.ts';

// Folders beside the tenant folders of forms/ that hold code, not e-services.
const NOT_TENANT_FOLDERS = new Set(['src', 'test', 'node_modules']);

/** The change note of every version this CLI publishes. */
export function publishNote(dir: string): string {
  return `Publicerad från ${basename(dir)} med samform forms`;
}

/**
 * Publish every `<dir>/<tenant>/<service>.json` of a tenant the session may design: create the
 * e-service when missing, else save its draft, then publish. Files of other tenants are skipped.
 * Writes one line per file; answers 1 when any file was refused.
 */
export async function publishForms(dir: string, session: SamformSession, write: (line: string) => void): Promise<number> {
  let refused = 0;
  for (const tenant of await tenantFolders(dir)) {
    const files = (await readdir(join(dir, tenant), { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => e.name)
      .sort();
    if (files.length === 0) continue;
    if (!session.designs.has(tenant)) {
      for (const name of files) write(`skipped ${tenant}/${name.slice(0, -5)}: ${session.username} may not design ${tenant}`);
      continue;
    }
    const known = await ownServices(session, tenant);
    if (known === null) {
      for (const name of files) write(`refused ${tenant}/${name.slice(0, -5)}: cannot list ${tenant}'s e-services`);
      refused += files.length;
      continue;
    }
    for (const name of files) {
      const line = await publishFile(session, tenant, join(dir, tenant, name), known, publishNote(dir));
      if (line.startsWith('refused')) refused += 1;
      write(line);
    }
  }
  return refused === 0 ? 0 : 1;
}

async function tenantFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_TENANT_FOLDERS.has(e.name))
    .map((e) => e.name)
    .sort();
}

/** The tenant's own e-services with their latest published version, or null when the list fails. */
async function ownServices(session: SamformSession, tenant: string): Promise<Map<string, number | null> | null> {
  const { status, text } = await session.request('GET', `/api/t/${encodeURIComponent(tenant)}/admin/services`);
  if (status !== 200) return null;
  const list = JSON.parse(text) as { id: string; latestVersion: number | null }[];
  return new Map(list.map((s) => [s.id, s.latestVersion]));
}

async function publishFile(session: SamformSession, tenant: string, file: string, known: Map<string, number | null>, note: string): Promise<string> {
  const id = basename(file, '.json');
  const label = `${tenant}/${id}`;
  let definition: unknown;
  try {
    definition = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return `refused ${label}: not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const ownId = definition !== null && typeof definition === 'object' ? (definition as { id?: unknown }).id : undefined;
  // The file name is the id in forms/, so a renamed id would publish a second e-service.
  if (ownId !== id) return `refused ${label}: /id must be "${id}", the file's name`;

  const base = `/api/t/${encodeURIComponent(tenant)}/admin/services`;
  const saved = known.has(id)
    ? await session.request('PUT', `${base}/${encodeURIComponent(id)}/draft`, { definition })
    : await session.request('POST', base, { definition });
  if (saved.status !== 200 && saved.status !== 201) return `refused ${label}: ${describeRefusal(saved.status, saved.text)}`;

  const published = await session.request('POST', `${base}/${encodeURIComponent(id)}/publish`, { note });
  if (published.status === 201) return `published ${label} v${(JSON.parse(published.text) as { version: number }).version}`;
  if (published.status === 409 && JSON.parse(published.text).code === 'no-changes') {
    const latest = known.get(id);
    return `up to date ${label}${latest === null || latest === undefined ? '' : ` v${latest}`}`;
  }
  return `refused ${label}: ${describeRefusal(published.status, published.text)}`;
}
