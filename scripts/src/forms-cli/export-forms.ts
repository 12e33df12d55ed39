import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRefusal } from './describe-refusal.ts';
import type { SamformSession } from './samform-session.ts';

// Ids come from the server; checked again so no answer can write outside `dir`.
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Write the latest published version of each of the tenant's own e-services to
 * `<dir>/<tenant>/<service>.json`, exactly as the export endpoint answers it (ending in a
 * newline), so that exporting twice gives the same bytes. Answers 1 when any export failed.
 */
export async function exportForms(tenant: string, dir: string, session: SamformSession, write: (line: string) => void): Promise<number> {
  if (!SLUG.test(tenant)) {
    write(`"${tenant}" is no tenant id`);
    return 1;
  }
  const base = `/api/t/${tenant}/admin/services`;
  const list = await session.request('GET', base);
  if (list.status !== 200) {
    write(`cannot list ${tenant}'s e-services: ${describeRefusal(list.status, list.text)}`);
    return 1;
  }
  const services = JSON.parse(list.text) as { id: string; latestVersion: number | null }[];
  const folder = join(dir, tenant);
  await mkdir(folder, { recursive: true });
  let failed = 0;
  for (const { id, latestVersion } of services) {
    if (latestVersion === null) {
      write(`skipped ${tenant}/${id}: never published`);
      continue;
    }
    if (!SLUG.test(id)) {
      write(`refused ${tenant}/${id}: not a slug`);
      failed += 1;
      continue;
    }
    const answer = await session.request('GET', `${base}/${id}/export?version=${latestVersion}`);
    if (answer.status !== 200) {
      write(`refused ${tenant}/${id}: ${describeRefusal(answer.status, answer.text)}`);
      failed += 1;
      continue;
    }
    await writeFile(join(folder, `${id}.json`), answer.text.endsWith('\n') ? answer.text : `${answer.text}\n`);
    write(`exported ${tenant}/${id} v${latestVersion}`);
  }
  return failed === 0 ? 0 : 1;
}
