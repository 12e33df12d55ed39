import type { PointedError } from '../staff-api.ts';
import type { QueuesText } from './queues-text.ts';

/** A field of the queue settings form. */
export type QueueField = 'nameSv' | 'nameEn' | 'kind' | 'url' | 'secret' | 'to';

/** A problem at one field, in the page's language. */
export interface FieldProblem {
  field: QueueField;
  message: string;
}

/**
 * The server's 422 problems (JSON pointers, English) as messages at the form's fields in the
 * page's language; a problem the form has no field for goes to the first field of its part.
 */
export function queueProblems(errors: readonly PointedError[], t: QueuesText): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const problem = toProblem(error, t);
    if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  }
  const order: QueueField[] = ['nameSv', 'nameEn', 'kind', 'url', 'secret', 'to'];
  return problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

function toProblem(error: PointedError, t: QueuesText): FieldProblem {
  const path = error.path;
  if (path === '/name' || path === '/name/sv') return { field: 'nameSv', message: t.problemName };
  if (path.startsWith('/name/')) return { field: 'nameEn', message: t.problemNameEn };
  if (path === '/delivery/url') {
    const message = error.keyword === 'private-target' ? t.problemUrlPrivate : error.keyword === 'insecure-url' ? t.problemUrlInsecure : t.problemUrl;
    return { field: 'url', message };
  }
  if (path === '/delivery/secret') return { field: 'secret', message: error.keyword === 'required' ? t.problemSecretRequired : t.problemSecret };
  if (path === '/delivery/to') return { field: 'to', message: t.problemTo };
  if (path.startsWith('/delivery')) return { field: 'kind', message: t.problemKind };
  return { field: 'nameSv', message: t.problemOther };
}
