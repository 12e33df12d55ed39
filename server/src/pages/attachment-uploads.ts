import { attachmentFields } from '@samform/model';
import type { SubmissionError } from '@samform/model';
import { attachmentFieldOf, saveAttachment, uploadProblem, UploadRefusedError } from '../services/attachment-service.ts';
import type { ServiceDeps } from '../services/service-deps.ts';
import type { PostedEntries, PostedFiles } from './form-body.ts';
import type { OpenForm } from './form-flow.ts';

/** The name of the checkbox that removes one uploaded file (`photo.1`) without JavaScript. */
export const REMOVE_ATTACHMENT = '_remove';

/** The posted step with its files stored and their references added as entries, and why any were refused. */
export interface StepUploads {
  entries: PostedEntries;
  errors: SubmissionError[];
}

const pointerOf = (path: string): string => `/${path.split('.').join('/')}`;

function postedIndexes(entries: PostedEntries, path: string): Set<number> {
  const indexes = new Set<number>();
  const prefix = `${path}.`;
  for (const [name] of entries) {
    const index = name.startsWith(prefix) ? /^(\d{1,4})\./.exec(name.slice(prefix.length))?.[1] : undefined;
    if (index !== undefined) indexes.add(Number(index));
  }
  return indexes;
}

/**
 * A plain (no-JavaScript) post of a step, with its attachment fields handled as the JSON API
 * would: each file part named like a field of this step goes through the same attachment
 * service (size, sniffed type), and its reference is added as the entries `photo.N.id`,
 * `.name`, `.type`, `.size` after those the page already carried. Each ticked `_remove` (`photo.1`) drops that file.
 */
export async function uploadStepFiles(deps: ServiceDeps, form: OpenForm, stepId: string | undefined, entries: PostedEntries, files: PostedFiles, locale: string): Promise<StepUploads> {
  const step = form.steps.find((s) => s.id === stepId);
  if (step === undefined) return { entries, errors: [] };
  const removed = entries.filter(([name]) => name === REMOVE_ATTACHMENT).map(([, value]) => `${value}.`);
  let result = entries.filter(([name]) => !removed.some((prefix) => name.startsWith(prefix)));
  const errors: SubmissionError[] = [];
  for (const [path, options] of attachmentFields(form.version.definition)) {
    if (!step.fields.includes(path.split('.')[0] ?? '')) continue;
    const chosen = files.filter(([name]) => name === path).map(([, file]) => file);
    if (chosen.length === 0) continue;
    const kept = postedIndexes(result, path);
    if (kept.size + chosen.length > options.maxFiles) {
      errors.push({ path: pointerOf(path), keyword: 'attachment', message: uploadProblem('too-many', options, locale) });
      continue;
    }
    let next = kept.size === 0 ? 0 : Math.max(...kept) + 1;
    const field = attachmentFieldOf(form.tenant, form.version, path);
    for (const file of chosen) {
      try {
        const ref = await saveAttachment(deps, field, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, locale, form.draft?.id);
        result = [...result, [`${path}.${next}.id`, ref.id], [`${path}.${next}.name`, ref.name], [`${path}.${next}.type`, ref.type], [`${path}.${next}.size`, String(ref.size)]];
        next++;
      } catch (error) {
        if (!(error instanceof UploadRefusedError)) throw error;
        errors.push({ path: pointerOf(path), keyword: 'attachment', message: `${file.name.slice(0, 100)}: ${error.message}` });
      }
    }
  }
  return { entries: result, errors };
}
