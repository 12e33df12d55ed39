import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkForms, type FormsCatalogue } from './check-forms.ts';
import { FormsError } from './form-problem.ts';

/** The repository's forms/ folder: tenants.json and `<tenant>/<service>.json`. */
export const FORMS_DIR = resolve(fileURLToPath(import.meta.url), '../..');

/**
 * Every tenant, queue and e-service under `dir`. Throws a FormsError naming each bad file and
 * the JSON Pointer of each problem: invalid JSON, an invalid definition, a folder that is no
 * tenant, or an id that differs from its file's name.
 */
export async function loadForms(dir: string = FORMS_DIR): Promise<FormsCatalogue> {
  const { reports, catalogue } = await checkForms(dir);
  if (!catalogue) throw new FormsError(reports.filter((r) => r.problems.length > 0));
  return catalogue;
}
