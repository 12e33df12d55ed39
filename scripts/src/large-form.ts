import type { FieldTexts, JsonSchema, JsonValue, ServiceDefinition } from '@samform/model';

// The field kinds a real e-service mixes, in turn: the form is as heavy to render as a real
// one of the same length, not 200 copies of the cheapest input.
const KINDS = ['text', 'email', 'select', 'radio', 'number', 'date', 'textarea', 'checkboxes'] as const;
type Kind = (typeof KINDS)[number];

const OPTIONS = ['a', 'b', 'c', 'd'];

function fieldSchema(kind: Kind): JsonSchema {
  switch (kind) {
    case 'text':
    case 'textarea':
      return { type: 'string', maxLength: 500 };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'select':
    case 'radio':
      return { type: 'string', enum: OPTIONS };
    case 'number':
      return { type: 'integer', minimum: 0, maximum: 100000 };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'checkboxes':
      return { type: 'array', items: { type: 'string', enum: OPTIONS }, uniqueItems: true };
  }
}

function fieldUi(kind: Kind): Record<string, unknown> | undefined {
  switch (kind) {
    case 'select':
      return { 'ui:widget': 'select' };
    case 'radio':
      return { 'ui:widget': 'radio' };
    case 'textarea':
      return { 'ui:widget': 'textarea' };
    case 'checkboxes':
      return { 'ui:widget': 'checkboxes' };
    default:
      return undefined;
  }
}

/**
 * An e-service with `count` fields on one page, every fifth one required, for measuring how the
 * citizen page copes with a long form (issue 3 and `pnpm bench`).
 */
export function largeFormDefinition(count: number, id = `stort-formular-${count}`): ServiceDefinition {
  const properties: Record<string, JsonSchema> = {};
  const uiSchema: Record<string, unknown> = {};
  const texts: Record<string, FieldTexts> = {};
  const required: string[] = [];
  for (let i = 1; i <= count; i++) {
    const kind = KINDS[(i - 1) % KINDS.length]!;
    const key = `f${String(i).padStart(3, '0')}`;
    properties[key] = fieldSchema(kind);
    const ui = fieldUi(kind);
    if (ui) uiSchema[key] = ui;
    texts[key] = {
      label: { sv: `Fråga ${i}`, en: `Question ${i}` },
      ...(kind === 'select' || kind === 'radio' || kind === 'checkboxes'
        ? { options: Object.fromEntries(OPTIONS.map((o) => [o, { sv: `Alternativ ${o.toUpperCase()}`, en: `Option ${o.toUpperCase()}` }])) }
        : {}),
    };
    if (i % 5 === 0) required.push(key);
  }
  return {
    id,
    title: { sv: `Formulär med ${count} frågor`, en: `Form with ${count} questions` },
    description: { sv: 'Ett långt formulär för mätningar.', en: 'A long form for measurements.' },
    category: 'ideer',
    identification: 'anonymous',
    schema: { type: 'object', additionalProperties: false, required, properties },
    uiSchema,
    texts,
    routing: { queue: 'ideer' },
  };
}

function answerOf(kind: Kind, i: number): JsonValue {
  switch (kind) {
    case 'text':
      return `Svar på fråga ${i}`;
    case 'textarea':
      return `Ett längre svar på fråga ${i}, med två meningar. Den andra står här.`;
    case 'email':
      return `person${i}@exempel.se`;
    case 'select':
    case 'radio':
      return OPTIONS[i % OPTIONS.length]!;
    case 'number':
      return i * 10;
    case 'date':
      return '2026-03-15';
    case 'checkboxes':
      return ['a', 'c'];
  }
}

/** Valid answers to every field of `largeFormDefinition(count)`, for loading the submit path with it. */
export function largeFormAnswers(count: number): { [key: string]: JsonValue } {
  const answers: { [key: string]: JsonValue } = {};
  for (let i = 1; i <= count; i++) answers[`f${String(i).padStart(3, '0')}`] = answerOf(KINDS[(i - 1) % KINDS.length]!, i);
  return answers;
}
