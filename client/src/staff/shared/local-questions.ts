import { slugify } from '@samform/model';

/** The kinds of question a municipality may add to an adopted e-service. */
export type LocalQuestionKind = 'short-text' | 'long-text' | 'yes-no' | 'choice';

/** A local question as the editor holds it. */
export interface LocalQuestionDraft {
  /** The answer key under `lokalt`; made from the Swedish label when the question is new. */
  key: string;
  kind: LocalQuestionKind;
  label: { sv: string; en: string };
  required: boolean;
  /** Single choice only: each option's text per locale; the value is made from the Swedish text. */
  options: { sv: string; en: string }[];
}

type Json = Record<string, unknown>;
type LocalText = { sv: string; en?: string };

const SHORT_MAX = 200;
const LONG_MAX = 2000;

function record(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function local(value: { sv: string; en: string }): LocalText {
  return value.en.trim() === '' ? { sv: value.sv.trim() } : { sv: value.sv.trim(), en: value.en.trim() };
}

function pair(value: unknown): { sv: string; en: string } {
  const r = record(value);
  return { sv: typeof r.sv === 'string' ? r.sv : '', en: typeof r.en === 'string' ? r.en : '' };
}

/** A stable key from a text: lowercase letters, digits and dashes, never empty, unique among `taken`. */
export function keyFrom(text: string, taken: readonly string[]): string {
  const stem = slugify(text).slice(0, 40).replace(/-+$/, '') || 'fraga';
  let key = stem;
  for (let n = 2; taken.includes(key); n++) key = `${stem}-${n}`;
  return key;
}

/** The option values of a choice question, from the Swedish texts. */
export function optionValues(question: LocalQuestionDraft): string[] {
  const values: string[] = [];
  for (const option of question.options) values.push(keyFrom(option.sv, values));
  return values;
}

/**
 * The `overrides.localQuestions` the questions make (undefined for none): an object schema of
 * their answers, widgets, and texts per locale (empty English texts are left out, so Swedish is
 * shown).
 */
export function toLocalQuestions(questions: readonly LocalQuestionDraft[]): Json | undefined {
  if (questions.length === 0) return undefined;
  const properties: Json = {};
  const uiSchema: Json = { 'ui:order': questions.map((q) => q.key) };
  const texts: Json = {};
  for (const q of questions) {
    const text: Json = { label: local(q.label) };
    if (q.kind === 'short-text') properties[q.key] = { type: 'string', maxLength: SHORT_MAX };
    if (q.kind === 'long-text') {
      properties[q.key] = { type: 'string', maxLength: LONG_MAX };
      uiSchema[q.key] = { 'ui:widget': 'textarea' };
    }
    if (q.kind === 'yes-no') {
      properties[q.key] = { type: 'boolean', enum: [true, false] };
      uiSchema[q.key] = { 'ui:widget': 'radio' };
      text.options = { true: { sv: 'Ja', en: 'Yes' }, false: { sv: 'Nej', en: 'No' } };
    }
    if (q.kind === 'choice') {
      const values = optionValues(q);
      properties[q.key] = { type: 'string', enum: values };
      uiSchema[q.key] = { 'ui:widget': 'radio' };
      text.options = Object.fromEntries(values.map((value, i) => [value, local(q.options[i]!)]));
    }
    texts[q.key] = text;
  }
  const required = questions.filter((q) => q.required).map((q) => q.key);
  return { schema: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) }, uiSchema, texts };
}

/** The questions of stored `overrides.localQuestions`, in their order, for the editor. */
export function fromLocalQuestions(value: unknown): LocalQuestionDraft[] {
  const lq = record(value);
  const schema = record(lq.schema);
  const properties = record(schema.properties);
  const uiSchema = record(lq.uiSchema);
  const texts = record(lq.texts);
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  const order = Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string' && k in properties) : [];
  const keys = [...order, ...Object.keys(properties).filter((k) => !order.includes(k))];
  return keys.map((key) => {
    const field = record(properties[key]);
    const text = record(texts[key]);
    const widget = record(uiSchema[key])['ui:widget'];
    const kind: LocalQuestionKind =
      field.type === 'boolean' ? 'yes-no' : Array.isArray(field.enum) ? 'choice' : widget === 'textarea' ? 'long-text' : 'short-text';
    const options = kind === 'choice' ? (field.enum as unknown[]).map((v) => pair(record(text.options)[String(v)])) : [];
    return { key, kind, label: pair(text.label), required: required.includes(key), options };
  });
}
