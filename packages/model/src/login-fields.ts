import type { JsonValue, ServiceDefinition } from './definition.ts';

/** What an e-ID login can fill in: the citizen's personnummer (or samordningsnummer). */
export type LoginSource = 'personnummer';

/** A field the login fills in: its dotted path through objects and what it takes from the login. */
export interface LoginField {
  path: string;
  source: LoginSource;
}

type Node = { [key: string]: unknown };
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The fields marked `"ui:options": { "fromLogin": "personnummer" }` in the uiSchema, walking
 * object properties only: a field inside a repeated group names many people, never the one
 * logged in, so it is not looked for there.
 */
export function loginFields(definition: ServiceDefinition): LoginField[] {
  const found: LoginField[] = [];
  const walk = (schema: unknown, ui: unknown, path: string[]): void => {
    if (!isNode(schema) || !isNode(schema.properties)) return;
    for (const [key, child] of Object.entries(schema.properties)) {
      const childUi = isNode(ui) ? ui[key] : undefined;
      const options = isNode(childUi) ? childUi['ui:options'] : undefined;
      if (isNode(options) && options.fromLogin === 'personnummer' && isNode(child) && child.type === 'string') {
        found.push({ path: [...path, key].join('.'), source: 'personnummer' });
      } else if (isNode(child) && child.type === 'object') {
        walk(child, childUi, [...path, key]);
      }
    }
  };
  walk(definition.schema, definition.uiSchema, []);
  return found;
}

/** What a login gives the answers. */
export interface LoginValues {
  /** 12 digits, YYYYMMDDNNNC; absent for a foreign e-ID. */
  personnummer?: string;
}

/**
 * The answers with every login field set to the login's value, whatever was there: the
 * personnummer of an e-ID e-service is the login's, never what the browser sent. A login
 * without a value for a field removes the field's answer (the validator then asks for it).
 */
export function withLoginAnswers(definition: ServiceDefinition, answers: { [key: string]: JsonValue }, login: LoginValues): { [key: string]: JsonValue } {
  let result = answers;
  for (const field of loginFields(definition)) result = setAt(result, field.path.split('.'), formatPersonnummer(login[field.source]));
  return result;
}

/** `YYYYMMDD-NNNC`, the form Skatteverket prints and the format accepts. */
function formatPersonnummer(digits: string | undefined): string | undefined {
  return digits === undefined ? undefined : `${digits.slice(0, 8)}-${digits.slice(8)}`;
}

function setAt(answers: { [key: string]: JsonValue }, path: readonly string[], value: string | undefined): { [key: string]: JsonValue } {
  const [key, ...rest] = path;
  if (key === undefined) return answers;
  const copy: { [key: string]: JsonValue } = { ...answers };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const inner = copy[key];
  if (value === undefined && !isNode(inner)) return answers;
  copy[key] = setAt(isNode(inner) ? (inner as { [key: string]: JsonValue }) : {}, rest, value);
  return copy;
}
