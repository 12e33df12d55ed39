import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { createAjv } from './create-ajv.ts';
import { definitionMetaSchema } from './definition-meta-schema.ts';
import type { ServiceDefinition } from './definition.ts';
import { UnprocessableError } from './errors.ts';
import { fieldEntries, schemaAt } from './field-path.ts';
import { isFieldKind } from './designer/field-kinds.ts';

/** One thing wrong with a definition: a JSON Pointer into it and what to do. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

type Node = Record<string, unknown>;

function isRecord(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function esc(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

let metaValidator: ReturnType<Ajv['compile']> | undefined;

function metaProblems(candidate: unknown): DefinitionProblem[] {
  metaValidator ??= new Ajv({ strict: true, allErrors: true }).compile(definitionMetaSchema);
  if (metaValidator(candidate)) return [];
  return (metaValidator.errors ?? [])
    // Conditions get clearer messages from conditionProblems than from the anyOf branches.
    .filter((e) => !/^\/(routing\/rules\/\d+\/when|steps\/\d+\/showWhen)(\/|$)/.test(e.instancePath))
    .map(problemOfMetaError);
}

function problemOfMetaError(error: ErrorObject): DefinitionProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${esc(String(params.missingProperty))}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${esc(String(params.additionalProperty))}`, message: 'is not a known property here; remove it' };
  }
  if (error.propertyName !== undefined) {
    return { path: `${error.instancePath}/${esc(error.propertyName)}`, message: `key ${error.message ?? 'is invalid'}` };
  }
  if (error.keyword === 'pattern' && error.schemaPath.includes('/slug/')) {
    return { path: error.instancePath, message: 'must be a slug: a–z, 0–9 and dashes, starting with a letter or digit, 2–63 characters' };
  }
  return { path: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
}

function conditionProblems(condition: unknown, path: string, schema: Node): DefinitionProblem[] {
  if (!isRecord(condition)) return [{ path, message: 'must be a condition object' }];
  const keys = Object.keys(condition).sort().join(',');
  for (const group of ['all', 'any'] as const) {
    if (keys === group) {
      const list = condition[group];
      if (!Array.isArray(list)) return [{ path: `${path}/${group}`, message: 'must be an array of conditions' }];
      return list.flatMap((c, i) => conditionProblems(c, `${path}/${group}/${i}`, schema));
    }
  }
  const shapes: Record<string, (v: unknown) => boolean> = {
    'equals,field': () => true,
    'field,in': (v) => Array.isArray(v),
    'field,isSet': (v) => typeof v === 'boolean',
  };
  const shape = shapes[keys];
  if (shape === undefined) {
    return [{ path, message: 'must be one of { field, equals }, { field, in: [...] }, { field, isSet: true|false }, { all: [...] }, { any: [...] }' }];
  }
  const operator = keys.replace('field', '').replace(',', '');
  if (!shape(condition[operator])) {
    return [{ path: `${path}/${operator}`, message: operator === 'in' ? 'must be an array of values' : 'must be true or false' }];
  }
  const field = condition.field;
  if (typeof field !== 'string' || schemaAt(schema, field) === undefined) {
    return [{ path: `${path}/field`, message: `names no field of the schema: ${JSON.stringify(field)}` }];
  }
  return [];
}

function isNotice(schema: Node): boolean {
  return schema.type === 'null';
}

function schemaProblems(schema: Node): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  try {
    createAjv().compile(schema);
  } catch (error) {
    problems.push({ path: '/schema', message: error instanceof Error ? error.message : String(error) });
  }
  const objects = [{ pointer: '', schema }, ...fieldEntries(schema)];
  for (const { pointer, schema: node } of objects) {
    const range = node.dateRange;
    if (!isRecord(range)) continue;
    const properties = isRecord(node.properties) ? node.properties : {};
    for (const end of ['from', 'to'] as const) {
      const name = range[end];
      if (typeof name === 'string' && !isRecord(properties[name])) {
        problems.push({ path: `/schema${pointer}/dateRange/${end}`, message: `names no property of this object: ${JSON.stringify(name)}` });
      }
    }
  }
  return problems;
}

function textProblems(schema: Node, texts: Node): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const entries = fieldEntries(schema);
  const byPath = new Map(entries.map((e) => [e.path, e.schema]));
  for (const entry of entries) {
    if (!isNotice(entry.schema) && texts[entry.path] === undefined) {
      problems.push({ path: `/texts/${esc(entry.path)}`, message: `field "${entry.path}" has no texts: add a label` });
    }
  }
  for (const [path, fieldTexts] of Object.entries(texts)) {
    const fieldSchema = byPath.get(path);
    if (fieldSchema === undefined) {
      problems.push({ path: `/texts/${esc(path)}`, message: `names no field of the schema: "${path}"` });
      continue;
    }
    const options = isRecord(fieldTexts) ? fieldTexts.options : undefined;
    if (!isRecord(options)) continue;
    const items = isRecord(fieldSchema.items) ? fieldSchema.items : undefined;
    const values = Array.isArray(fieldSchema.enum) ? fieldSchema.enum : Array.isArray(items?.enum) ? items.enum : [];
    const known = new Set(values.map(String));
    for (const value of Object.keys(options)) {
      if (!known.has(value)) problems.push({ path: `/texts/${esc(path)}/options/${esc(value)}`, message: `is not a value of the field's enum` });
    }
  }
  return problems;
}

function stepProblems(schema: Node, steps: unknown[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const placed = new Map<string, string>();
  const stepIds = new Set<string>();
  steps.forEach((step, i) => {
    if (!isRecord(step)) return;
    const id = String(step.id);
    if (stepIds.has(id)) problems.push({ path: `/steps/${i}/id`, message: `is used by another step: "${id}"` });
    stepIds.add(id);
    if (!Array.isArray(step.fields)) return;
    step.fields.forEach((field, j) => {
      if (typeof field !== 'string') return;
      if (!isRecord(properties[field])) {
        problems.push({ path: `/steps/${i}/fields/${j}`, message: `names no top-level property of the schema: "${field}"` });
      } else if (placed.has(field)) {
        problems.push({ path: `/steps/${i}/fields/${j}`, message: `"${field}" is already in step "${placed.get(field)}"` });
      } else {
        placed.set(field, id);
      }
    });
  });
  for (const [key, property] of Object.entries(properties)) {
    if (isRecord(property) && !isNotice(property) && !placed.has(key)) {
      problems.push({ path: '/steps', message: `field "${key}" is in no step: add it to one` });
    }
  }
  return problems;
}

function uiEntryAt(uiSchema: Node, path: string, schema: Node): { entry: Node; pointer: string } | undefined {
  let ui: Node = uiSchema;
  let node: Node = schema;
  let pointer = '/uiSchema';
  for (const segment of path.split('.')) {
    while (isRecord(node.items)) {
      node = node.items;
      if (!isRecord(ui.items)) return undefined;
      ui = ui.items;
      pointer += '/items';
    }
    const properties = isRecord(node.properties) ? node.properties : {};
    const next = properties[segment];
    if (!isRecord(next) || !isRecord(ui[segment])) return undefined;
    node = next;
    ui = ui[segment];
    pointer += `/${esc(segment)}`;
  }
  return { entry: ui, pointer };
}

const ATTACHMENT_PARTS = ['id', 'name', 'size', 'type'];

/** The designer's uiSchema keys: `ui:kind` names a known kind, `ui:showWhen` a valid condition on a top-level field. */
function uiProblems(schema: Node, uiSchema: Node): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const entry of fieldEntries(schema)) {
    const found = uiEntryAt(uiSchema, entry.path, schema);
    if (found === undefined) continue;
    const kind = found.entry['ui:kind'];
    if (kind !== undefined && !isFieldKind(kind)) {
      problems.push({ path: `${found.pointer}/ui:kind`, message: `is not a known field kind: ${JSON.stringify(kind)}` });
    }
    if (kind === 'attachment') {
      const items = isRecord(entry.schema.items) ? entry.schema.items : {};
      const parts = isRecord(items.properties) ? Object.keys(items.properties).sort().join() : '';
      const required = Array.isArray(items.required) ? [...items.required].sort().join() : '';
      if (entry.schema.type !== 'array' || parts !== ATTACHMENT_PARTS.join() || required !== ATTACHMENT_PARTS.join()) {
        problems.push({ path: `/schema${entry.pointer}`, message: 'an attachment is an array of { id, name, type, size }, all required' });
      }
    }
    if (found.entry['ui:showWhen'] !== undefined) {
      if (entry.path.includes('.')) {
        problems.push({ path: `${found.pointer}/ui:showWhen`, message: 'only a top-level field can have a condition' });
      } else {
        problems.push(...conditionProblems(found.entry['ui:showWhen'], `${found.pointer}/ui:showWhen`, schema));
      }
    }
  }
  return problems;
}

/**
 * Everything wrong with a candidate definition: the meta-schema, labels for every input field,
 * steps that name real top-level fields each exactly once, routing and "show when" conditions,
 * the designer's `ui:kind` and attachment shape, and the JSON
 * Schema compiling with the Samform ajv in strict mode (reported at /schema). Empty = valid.
 */
export function checkDefinition(candidate: unknown): DefinitionProblem[] {
  const problems = metaProblems(candidate);
  if (!isRecord(candidate)) return problems;
  const schema = isRecord(candidate.schema) ? candidate.schema : undefined;
  if (schema !== undefined) {
    problems.push(...schemaProblems(schema));
    if (isRecord(candidate.texts)) problems.push(...textProblems(schema, candidate.texts));
    if (Array.isArray(candidate.steps)) {
      problems.push(...stepProblems(schema, candidate.steps));
      candidate.steps.forEach((step, i) => {
        if (isRecord(step) && 'showWhen' in step) problems.push(...conditionProblems(step.showWhen, `/steps/${i}/showWhen`, schema));
      });
    }
    if (isRecord(candidate.uiSchema)) problems.push(...uiProblems(schema, candidate.uiSchema));
    const rules = isRecord(candidate.routing) ? candidate.routing.rules : undefined;
    if (Array.isArray(rules)) {
      rules.forEach((rule, i) => {
        if (isRecord(rule) && 'when' in rule) problems.push(...conditionProblems(rule.when, `/routing/rules/${i}/when`, schema));
      });
    }
  }
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The candidate as a ServiceDefinition, or an UnprocessableError `invalid-definition` listing the problems. */
export function assertValidDefinition(candidate: unknown): ServiceDefinition {
  const problems = checkDefinition(candidate);
  if (problems.length > 0) {
    throw new UnprocessableError(
      'invalid-definition',
      `The e-service definition has ${problems.length} problem(s): ${problems.map((p) => `${p.path || '/'} ${p.message}`).slice(0, 3).join('; ')}`,
      problems.map((p) => ({ path: p.path, keyword: 'definition', message: p.message })),
    );
  }
  return candidate as unknown as ServiceDefinition;
}
