import { FORBIDDEN_FORM_KEYS, FORM_LIMITS } from './form-limits.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** Posted form entries: pairs in posting order (URLSearchParams, FormData) or a parsed body. */
export type FormEntries = Iterable<readonly [string, unknown]> | Record<string, unknown>;

/** The posted values under one dotted name, and the names one segment deeper. */
export interface FormNode {
  /** Every value posted under exactly this name, in posting order. */
  values: string[];
  children: Map<string, FormNode>;
}

/** The posted entries of some top-level fields as a tree of dotted names, and the limits hit. */
export interface FormTree {
  root: FormNode;
  problems: ValidationIssue[];
}

function emptyNode(): FormNode {
  return { values: [], children: new Map() };
}

function isIterable(entries: FormEntries): entries is Iterable<readonly [string, unknown]> {
  return typeof (entries as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

function* pairsOf(entries: FormEntries): Iterable<readonly [string, unknown]> {
  if (isIterable(entries)) {
    yield* entries;
    return;
  }
  for (const [key, value] of Object.entries(entries)) {
    if (Array.isArray(value)) for (const item of value) yield [key, item];
    else yield [key, value];
  }
}

/**
 * Sorts posted entries by their dotted names ("buyers.0.name") into a tree, reading only names
 * under `fields`. Server keys (`_csrf`, `_action`, …), files, empty segments and names that
 * would write `__proto__`, `constructor` or `prototype` are skipped; entries past
 * `FORM_LIMITS.entries` are not read and give one `limit` problem.
 */
export function formTreeOf(entries: FormEntries, fields: readonly string[]): FormTree {
  const wanted = new Set(fields);
  const root = emptyNode();
  const problems: ValidationIssue[] = [];
  let count = 0;
  for (const [name, value] of pairsOf(entries)) {
    if (++count > FORM_LIMITS.entries) {
      problems.push({ path: '', keyword: 'limit', params: { limit: FORM_LIMITS.entries, of: 'entries' } });
      break;
    }
    // A file of a multipart post, or a nested object of an extended body parser, is no field value.
    if (typeof value !== 'string' || typeof name !== 'string' || name.startsWith('_')) continue;
    const segments = name.split('.');
    if (!wanted.has(segments[0] ?? '') || segments.some((s) => s === '' || FORBIDDEN_FORM_KEYS.has(s))) continue;
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (child === undefined) node.children.set(segment, (child = emptyNode()));
      node = child;
    }
    node.values.push(value);
  }
  return { root, problems };
}
