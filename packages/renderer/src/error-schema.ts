import type { ErrorSchema } from '@rjsf/utils';

/** The id rjsf gives the control at a JSON Pointer ("/contact/email" -> "root_contact_email"). */
export function controlIdOf(pointer: string, idPrefix = 'root', separator = '_'): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [idPrefix, ...segments].join(separator);
}

/** Errors with JSON Pointer paths as rjsf's nested error schema, so each shows beside its field. */
export function toErrorSchema(errors: { path: string; message: string }[]): ErrorSchema {
  const root: ErrorSchema = {};
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
