import type { LocalText, ServiceDefinition } from '../definition.ts';
import { UnprocessableError } from '../errors.ts';
import { ensureSteps, mustPlace, propertiesOf, stepOf, textKeysUnder, uiAt, uniqueKey } from './nodes.ts';
import { isFieldRequired, syncShowWhen } from './set-show-when.ts';
import { syncUiOrder } from './ui-order.ts';

const COPY: Record<string, string> = { sv: 'kopia', en: 'copy' };

function copyLabel(label: LocalText): LocalText {
  const result = { ...label };
  for (const [locale, value] of Object.entries(label)) {
    if (value !== undefined && value !== '') result[locale] = `${value} (${COPY[locale] ?? COPY.sv})`;
  }
  return result;
}

/** Copies a top-level field right after itself under a new key; answers the new key. */
export function duplicateField(definition: ServiceDefinition, key: string): { definition: ServiceDefinition; key: string } {
  const next = structuredClone(definition);
  const place = mustPlace(next, key);
  if (!place.topLevel) throw new UnprocessableError('nested-field', `Only a top-level field can be duplicated: "${key}"`);
  ensureSteps(next);
  const properties = propertiesOf(next.schema);
  const copy = uniqueKey(key.replace(/\d+$/, '') || key, Object.keys(properties));
  properties[copy] = structuredClone(place.node);
  const ui = uiAt(next, [key], false);
  if (ui !== undefined) (next.uiSchema ??= {})[copy] = structuredClone(ui);
  for (const textKey of textKeysUnder(next, key)) {
    const texts = structuredClone(next.texts[textKey]);
    if (texts === undefined) continue;
    if (textKey === key) texts.label = copyLabel(texts.label);
    next.texts[`${copy}${textKey.slice(key.length)}`] = texts;
  }
  const step = stepOf(next, key);
  if (step !== undefined) step.fields.splice(step.fields.indexOf(key) + 1, 0, copy);
  if (isFieldRequired(next, next.schema, key, true)) {
    next.schema.required = [...(Array.isArray(next.schema.required) ? next.schema.required : []), copy];
  }
  syncShowWhen(next);
  syncUiOrder(next);
  return { definition: next, key: copy };
}
