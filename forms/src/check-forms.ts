import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceDefinition } from '@samform/model';
import type { Queue } from '@samform/store';
import { checkServiceFile } from './check-service-file.ts';
import type { FormFileReport } from './form-problem.ts';
import { readJsonFile } from './read-json-file.ts';
import { readTenants, type TenantRegistry } from './tenants-file.ts';

/** Everything under forms/: the tenants, their queues and every e-service with its owner. */
export interface FormsCatalogue extends TenantRegistry {
  /** Sorted by owner, then id. */
  services: { owner: string; definition: ServiceDefinition; file: string }[];
}

/** The name of the file holding the tenants and queues. */
export const TENANTS_FILE = 'tenants.json';

// Folders beside the tenant folders that hold code, not e-services.
const NOT_TENANT_FOLDERS = new Set(['src', 'test', 'node_modules']);

/**
 * Read and check every file of a forms folder. Reports one entry per file read (with no
 * problems when it is fine); the catalogue is there only when no file has a problem.
 */
export async function checkForms(dir: string): Promise<{ reports: FormFileReport[]; catalogue: FormsCatalogue | null }> {
  const tenantsPath = join(dir, TENANTS_FILE);
  const parsed = await readJsonFile(tenantsPath);
  const read = 'problem' in parsed ? { problems: [parsed.problem] } : readTenants(parsed.value);
  if ('problems' in read) return { reports: [{ file: tenantsPath, problems: read.problems }], catalogue: null };
  const registry = read.registry;
  const reports: FormFileReport[] = [{ file: tenantsPath, problems: [] }];
  const services: FormsCatalogue['services'] = [];

  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_TENANT_FOLDERS.has(e.name))
    .map((e) => e.name)
    .sort();
  for (const owner of folders) {
    const folder = join(dir, owner);
    const tenant = registry.tenants.find((t) => t.id === owner);
    if (!tenant) {
      reports.push({ file: folder, problems: [{ pointer: '', message: `the folder "${owner}" is no tenant of ${TENANTS_FILE}` }] });
      continue;
    }
    const receivingQueues = receivingQueuesOf(registry, owner);
    const files = (await readdir(folder, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => e.name)
      .sort();
    for (const name of files) {
      const file = join(folder, name);
      const json = await readJsonFile(file);
      if ('problem' in json) {
        reports.push({ file, problems: [json.problem] });
        continue;
      }
      const problems = checkServiceFile(file, json.value, receivingQueues);
      reports.push({ file, problems });
      if (problems.length === 0) services.push({ owner, definition: json.value as ServiceDefinition, file });
    }
  }

  const ok = reports.every((r) => r.problems.length === 0);
  return { reports, catalogue: ok ? { ...registry, services } : null };
}

/** The queue lists a submission to `owner`'s e-services may land in: its own, or each member's. */
function receivingQueuesOf(registry: TenantRegistry, owner: string): Queue[][] {
  const tenant = registry.tenants.find((t) => t.id === owner);
  if (tenant?.kind === 'municipality') return [registry.queues[owner] ?? []];
  return registry.tenants.filter((t) => t.memberOf.includes(owner)).map((t) => registry.queues[t.id] ?? []);
}
