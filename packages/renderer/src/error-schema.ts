import { formFieldId, formFieldName } from '@samform/model';
import type { ErrorTree } from './form/error-tree.ts';

/**
 * The id of the control at a JSON Pointer ("/contact/email" -> "f-contact-email"): the id the form
 * gives it, in the browser and in the server-rendered page alike.
 */
export function controlIdOf(pointer: string): string {
  return formFieldId(formFieldName(pointer));
}

/** Errors with JSON Pointer paths as a tree shaped like the answers, so each shows beside its field. */
export function toErrorSchema(errors: { path: string; message: string }[]): ErrorTree {
  const root: ErrorTree = {};
  for (const error of errors) {
    let node: Record<string, unknown> = root;
    const segments = error.path
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    for (const segment of segments) {
      const next = (node[segment] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const list = ((node.__errors as string[] | undefined) ??= []);
    if (!list.includes(error.message)) list.push(error.message);
  }
  return root;
}
