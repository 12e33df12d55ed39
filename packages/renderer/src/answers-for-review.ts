import { hiddenFields, isStepShown, text } from '@samform/model';
import type { JsonSchema, ServiceDefinition } from '@samform/model';
import { rendererText } from './renderer-text.ts';
import { stepsOf } from './steps.ts';
import { isObject } from './form/is-object.ts';

/** One answer on the review page: its question and the answer as lines of plain text. */
export interface ReviewAnswer {
  /** Top-level property key, e.g. "contact". */
  field: string;
  label: string;
  /** Empty when the question was left unanswered. */
  lines: string[];
}

/** The answers of one step, in the order the step asks for them. */
export interface ReviewSection {
  stepId: string;
  stepIndex: number;
  title: string;
  answers: ReviewAnswer[];
}

/**
 * Every answer of a filled-in form by step, with enum values as their labels, yes/no for
 * booleans and dates written out; notices are left out since they hold no answer.
 */
export function answersForReview(definition: ServiceDefinition, data: unknown, locale: string): ReviewSection[] {
  const answers = isObject(data) ? data : {};
  const properties = propertiesOf(definition.schema);
  const ui = isObject(definition.uiSchema) ? definition.uiSchema : {};
  // Questions the citizen was not shown ("show when") are not on the review page either.
  const hidden = hiddenFields(definition, answers);
  return stepsOf(definition).flatMap((step, stepIndex) => (isStepShown(step, answers) ? [{ step, stepIndex }] : [])).map(({ step, stepIndex }) => ({
    stepId: step.id,
    stepIndex,
    title: text(step.title, locale),
    answers: step.fields
      .filter((field) => properties[field] !== undefined && !isNotice(properties[field], ui[field]) && !hidden.has(field))
      .map((field) => ({
        field,
        label: labelOf(definition, field, locale),
        lines: linesOf(definition, properties[field] ?? {}, answers[field], field, locale),
      })),
  }));
}

function linesOf(definition: ServiceDefinition, schema: JsonSchema, value: unknown, path: string, locale: string): string[] {
  if (isEmpty(value)) return [];
  if (isObject(value)) {
    const lines: string[] = [];
    for (const [key, child] of Object.entries(propertiesOf(schema))) {
      const childLines = linesOf(definition, child, value[key], `${path}.${key}`, locale);
      if (childLines.length > 0) lines.push(`${labelOf(definition, `${path}.${key}`, locale)}: ${childLines.join(', ')}`);
    }
    return lines;
  }
  if (Array.isArray(value)) {
    const items = isObject(schema.items) ? schema.items : {};
    if (isObject(items) && (items.type === 'object' || items.properties !== undefined)) {
      return value.map((item, i) => `${i + 1}. ${linesOf(definition, items, item, path, locale).join('; ')}`);
    }
    return [value.map((item) => scalarText(definition, items, item, path, locale)).join(', ')];
  }
  return [scalarText(definition, schema, value, path, locale)];
}

function scalarText(definition: ServiceDefinition, schema: JsonSchema, value: unknown, path: string, locale: string): string {
  const option = definition.texts[path]?.options?.[String(value)];
  if (option) return text(option, locale);
  if (typeof value === 'boolean') return value ? rendererText(locale).yes : rendererText(locale).no;
  if (schema.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate(value, locale);
  return String(value);
}

/** "2025-06-30" as "30 juni 2025"; the calendar day, so no time zone may move it. */
function longDate(day: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' });
  return format.format(new Date(`${day}T00:00:00Z`));
}

function labelOf(definition: ServiceDefinition, path: string, locale: string): string {
  return text(definition.texts[path]?.label, locale) || path;
}

function isNotice(schema: JsonSchema | undefined, ui: unknown): boolean {
  return schema?.type === 'null' || (isObject(ui) && ui['ui:field'] === 'notice');
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.values(value).every(isEmpty);
  return false;
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema.properties;
  if (!isObject(properties)) return {};
  const result: Record<string, JsonSchema> = {};
  for (const [key, value] of Object.entries(properties)) if (isObject(value)) result[key] = value;
  return result;
}
