import type { JsonSchema, JsonValue, LocalText, ServiceDefinition } from '@samform/model';

type Json = { [key: string]: JsonValue };

const YES_NO: Record<string, [string, string]> = { sv: ['Ja', 'Nej'], en: ['Yes', 'No'] };

function pick(text: LocalText | undefined, locale: string): string | undefined {
  return text === undefined ? undefined : (text[locale] ?? text.sv);
}

function schemaOf(value: unknown): JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : {};
}

/** Property keys in the order the citizen saw them: `ui:order` first, then schema order. */
function orderedKeys(schema: JsonSchema, ui: { [key: string]: unknown }): string[] {
  const keys = Object.keys(schemaOf(schema.properties));
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string' && keys.includes(k)) : [];
  return [...order, ...keys.filter((k) => !order.includes(k))];
}

/**
 * The answers laid out as the citizen saw them, one "Label: value" line per answer, nested
 * groups indented and numbered, in `locale` (labels and option texts from the definition).
 * Unanswered fields and notices are left out. For e-mails to case workers and citizens.
 */
export function answersAsText(definition: ServiceDefinition, data: Json, locale: string): string {
  const lines: string[] = [];
  const walk = (schema: JsonSchema, ui: { [key: string]: unknown }, value: Json, path: string, indent: string): void => {
    const properties = schemaOf(schema.properties);
    for (const key of orderedKeys(schema, ui)) {
      const field = schemaOf(properties[key]);
      const answer = value[key];
      if (field.type === 'null' || answer === undefined || answer === null || answer === '') continue;
      const fieldPath = path === '' ? key : `${path}.${key}`;
      const texts = definition.texts[fieldPath];
      const label = pick(texts?.label, locale) ?? key;
      const fieldUi = schemaOf(ui[key]);
      if (Array.isArray(answer)) {
        if (answer.length === 0) continue;
        const items = schemaOf(field.items);
        if (items.type === 'object') {
          lines.push(`${indent}${label}:`);
          answer.forEach((item, n) => {
            lines.push(`${indent}  ${n + 1}.`);
            walk(items, schemaOf(fieldUi.items), schemaOf(item) as Json, fieldPath, `${indent}    `);
          });
        } else {
          lines.push(`${indent}${label}: ${answer.map((a) => scalar(a, texts?.options, locale)).join(', ')}`);
        }
      } else if (typeof answer === 'object') {
        lines.push(`${indent}${label}:`);
        walk(field, fieldUi, answer, fieldPath, `${indent}  `);
      } else {
        const text = scalar(answer, texts?.options, locale);
        // A long free text goes on its own lines so it reads as written.
        lines.push(text.includes('\n') ? `${indent}${label}:\n${text.replace(/^/gm, `${indent}  `)}` : `${indent}${label}: ${text}`);
      }
    }
  };
  walk(definition.schema, schemaOf(definition.uiSchema), data, '', '');
  return lines.join('\n');
}

function scalar(value: JsonValue, options: Record<string, LocalText> | undefined, locale: string): string {
  if (typeof value === 'boolean') return (YES_NO[locale] ?? YES_NO.sv!)[value ? 0 : 1];
  if (value !== null && typeof value === 'object') {
    // An uploaded file: its name is what the citizen recognises.
    const name = (value as Json)['name'];
    return typeof name === 'string' ? name : JSON.stringify(value);
  }
  const option = options?.[String(value)];
  return option === undefined ? String(value) : (pick(option, locale) ?? String(value));
}

/**
 * The citizen's e-mail address: the answer to the first field with `"format": "email"` in the
 * order the form shows them (nested groups depth-first, repeated groups skipped), or null.
 */
export function citizenEmail(definition: ServiceDefinition, data: Json): string | null {
  const find = (schema: JsonSchema, ui: { [key: string]: unknown }, value: Json): string | null => {
    const properties = schemaOf(schema.properties);
    for (const key of orderedKeys(schema, ui)) {
      const field = schemaOf(properties[key]);
      const answer = value[key];
      if (field.format === 'email' && typeof answer === 'string' && answer.includes('@')) return answer;
      if (field.type === 'object' && answer !== null && typeof answer === 'object' && !Array.isArray(answer)) {
        const found = find(field, schemaOf(ui[key]), answer);
        if (found !== null) return found;
      }
    }
    return null;
  };
  return find(definition.schema, schemaOf(definition.uiSchema), data);
}
