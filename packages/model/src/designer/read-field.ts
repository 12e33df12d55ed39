import type { Condition, LocalText, ServiceDefinition } from '../definition.ts';
import type { FieldKind } from './field-kinds.ts';
import type { DateRuleSettings, FieldOption, FieldSettings } from './field-settings.ts';
import { fieldKindOf } from './infer-field-kind.ts';
import { holderOf, isRecord, mustPlace, uiAt } from './nodes.ts';
import { patternSpecOf } from './pattern-spec.ts';
import { isFieldRequired } from './set-show-when.ts';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES } from './field-blueprint.ts';

const NOTICES: readonly FieldKind[] = ['heading', 'information', 'stop-notice'];

function num(x: unknown): number | undefined {
  return typeof x === 'number' ? x : undefined;
}

function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
}

function optionsOf(definition: ServiceDefinition, path: string, values: unknown[]): FieldOption[] {
  const labels = definition.texts[path]?.options ?? {};
  return values
    .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
    .map((value) => ({ value, label: structuredClone(labels[String(value)] ?? { sv: '' }) }));
}

/** The keys of a group's fields in display order (its `ui:order`, else the schema's). */
export function childKeys(definition: ServiceDefinition, path: string): string[] {
  const place = mustPlace(definition, path);
  const holder = holderOf(place.node);
  const keys = isRecord(holder.properties) ? Object.keys(holder.properties) : [];
  const ui = uiAt(definition, isRecord(place.node.items) ? [...place.uiKeys, 'items'] : place.uiKeys, false);
  const order = ui?.['ui:order'];
  if (!Array.isArray(order)) return keys;
  return [...order.filter((k): k is string => typeof k === 'string' && keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
}

/** The designer's settings of the field at a path ("email", "contact.email", "buyers.name"). */
export function readField(definition: ServiceDefinition, path: string): FieldSettings {
  const place = mustPlace(definition, path);
  const node = place.node;
  const ui = uiAt(definition, place.uiKeys, false);
  const kind = fieldKindOf(node, ui);
  const texts = definition.texts[path];
  const settings: FieldSettings = {
    kind,
    key: place.key,
    label: structuredClone(texts?.label ?? ({ sv: '' } as LocalText)),
    required: !NOTICES.includes(kind) && isFieldRequired(definition, place.holder, place.key, place.topLevel),
  };
  if (texts?.help !== undefined) settings.help = structuredClone(texts.help);
  if (isRecord(ui?.['ui:showWhen'])) settings.showWhen = structuredClone(ui['ui:showWhen'] as Condition);
  const items = isRecord(node.items) ? node.items : {};
  const uiOptions = isRecord(ui?.['ui:options']) ? ui['ui:options'] : {};
  switch (kind) {
    case 'short-text':
      assignDefined(settings, { minLength: num(node.minLength), maxLength: num(node.maxLength) });
      if (typeof node.pattern === 'string') settings.pattern = patternSpecOf(node.pattern);
      break;
    case 'long-text':
      assignDefined(settings, { minLength: num(node.minLength), maxLength: num(node.maxLength) });
      break;
    case 'email':
    case 'phone':
    case 'fastighetsbeteckning':
      assignDefined(settings, { maxLength: num(node.maxLength) });
      break;
    case 'number':
      assignDefined(settings, { minimum: num(node.minimum), maximum: num(node.maximum), integer: node.type === 'integer' });
      break;
    case 'date':
      if (isRecord(node.dateRule)) settings.dateRule = structuredClone(node.dateRule) as DateRuleSettings;
      break;
    case 'single-choice':
      settings.options = optionsOf(definition, path, Array.isArray(node.enum) ? node.enum : []);
      settings.widget = ui?.['ui:widget'] === 'radio' ? 'radio' : 'select';
      break;
    case 'multiple-choice':
      settings.options = optionsOf(definition, path, Array.isArray(items.enum) ? items.enum : []);
      assignDefined(settings, { minItems: num(node.minItems), maxItems: num(node.maxItems) });
      break;
    case 'yes-no':
      settings.options = optionsOf(definition, path, Array.isArray(node.enum) ? node.enum : [true, false]);
      break;
    case 'attachment': {
      const properties = isRecord(items.properties) ? items.properties : {};
      const type = isRecord(properties.type) ? properties.type : {};
      const size = isRecord(properties.size) ? properties.size : {};
      const accept = Array.isArray(uiOptions.accept) ? uiOptions.accept : Array.isArray(type.enum) ? type.enum : DEFAULT_ACCEPT;
      settings.accept = accept.filter((t): t is string => typeof t === 'string');
      settings.maxBytes = num(uiOptions.maxBytes) ?? num(size.maximum) ?? DEFAULT_MAX_BYTES;
      settings.maxFiles = num(uiOptions.maxFiles) ?? num(node.maxItems) ?? DEFAULT_MAX_FILES;
      break;
    }
    case 'repeated-group':
      assignDefined(settings, { minItems: num(node.minItems), maxItems: num(node.maxItems) });
      settings.fields = childKeys(definition, path).map((k) => readField(definition, `${path}.${k}`));
      break;
    case 'group':
      settings.fields = childKeys(definition, path).map((k) => readField(definition, `${path}.${k}`));
      break;
    default:
      break;
  }
  return settings;
}
