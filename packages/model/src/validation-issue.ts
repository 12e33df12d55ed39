import type { ErrorObject } from 'ajv';

/** One problem with submitted data, as data: where, which rule, and the rule's details. */
export interface ValidationIssue {
  /** JSON Pointer of the offending value; for `required` the missing property's own pointer. */
  path: string;
  /** The ajv keyword that failed (`required`, `format`, `dateRule`, …). */
  keyword: string;
  params: Record<string, unknown>;
}

/** A localised problem, ready for the citizen: `{ path, keyword, message }`. */
export interface SubmissionError {
  path: string;
  keyword: string;
  message: string;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Ajv errors as issues; `if` is dropped because its `then`/`else` errors say what is wrong. */
export function issuesFromAjv(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'if') continue;
    const params = { ...(error.params as Record<string, unknown>) };
    const child =
      typeof params.missingProperty === 'string'
        ? params.missingProperty
        : error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string'
          ? params.additionalProperty
          : undefined;
    const path = child === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(child)}`;
    issues.push({ path, keyword: error.keyword, params });
  }
  return issues;
}
