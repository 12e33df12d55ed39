import type { FieldTexts, LocalText, ServiceDefinition } from '../definition.ts';
import { UnprocessableError } from '../errors.ts';
import { attachmentSchema } from '../attachment.ts';
import { fieldBlueprint } from './field-blueprint.ts';
import { FIELD_KIND_INFO, type FieldKind } from './field-kinds.ts';
import type { FieldOption, FieldSettings } from './field-settings.ts';
import { inferFieldKind } from './infer-field-kind.ts';
import { childUiKeys, insertField } from './insert-field.ts';
import { FIELD_KEY, holderOf, isRecord, mustPlace, propertiesOf, textKeysUnder, uiAt, type Node } from './nodes.ts';
import { patternToRegex } from './pattern-spec.ts';
import { readField } from './read-field.ts';
import { removeFieldInPlace } from './remove-field.ts';
import { renameFieldKeyInPlace } from './rename-field-key.ts';
import { setFieldRequired } from './set-show-when.ts';
import { setChildOrder } from './ui-order.ts';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function setOrDelete(node: Node, key: string, value: unknown): void {
  if (value === undefined) delete node[key];
  else node[key] = structuredClone(value);
}

function textsOf(definition: ServiceDefinition, path: string): FieldTexts {
  definition.texts[path] ??= { label: { sv: '' } };
  return definition.texts[path];
}

/** Replaces a field with a fresh one of another kind, keeping its key, label, help and condition. */
function changeKind(definition: ServiceDefinition, path: string, kind: FieldKind): void {
  const place = mustPlace(definition, path);
  const before = readField(definition, path);
  const oldUi = uiAt(definition, place.uiKeys, false);
  const showWhen = oldUi?.['ui:showWhen'];
  const blueprint = fieldBlueprint(kind);
  for (const key of textKeysUnder(definition, path)) delete definition.texts[key];
  const parentPath = path.split('.').slice(0, -1).join('.');
  const parentUi = uiAt(definition, childUiKeys(definition, parentPath), false);
  if (parentUi !== undefined) delete parentUi[place.key];
  blueprint.required = FIELD_KIND_INFO[kind].input && before.required;
  const own = blueprint.texts[''] ?? { label: before.label };
  blueprint.texts[''] = { ...own, label: before.label, ...(before.help === undefined ? {} : { help: before.help }) };
  if (showWhen !== undefined) blueprint.ui['ui:showWhen'] = showWhen;
  insertField(definition, parentPath, place.key, blueprint);
  setFieldRequired(definition, place.holder, place.key, place.topLevel, blueprint.required);
}

function writeOptions(definition: ServiceDefinition, path: string, target: Node, options: FieldOption[], fixType: boolean): void {
  const values = options.map((o) => o.value);
  if (new Set(values.map((v) => JSON.stringify(v))).size !== values.length) {
    throw new UnprocessableError('duplicate-option-value', `Two options of "${path}" have the same value`);
  }
  target.enum = values;
  if (fixType) {
    const type = values.every((v) => typeof v === 'string')
      ? 'string'
      : values.every((v) => Number.isInteger(v))
        ? 'integer'
        : values.every((v) => typeof v === 'number')
          ? 'number'
          : undefined;
    if (type !== undefined) target.type = type;
  }
  const labels: Record<string, LocalText> = {};
  for (const option of options) {
    if (Object.values(option.label).some((t) => t !== undefined && t !== '')) labels[String(option.value)] = structuredClone(option.label);
  }
  const texts = textsOf(definition, path);
  if (Object.keys(labels).length > 0) texts.options = labels;
  else delete texts.options;
}

function writeChildren(definition: ServiceDefinition, path: string, fields: FieldSettings[], before: FieldSettings[]): void {
  const place = mustPlace(definition, path);
  const holder = holderOf(place.node);
  const wanted = fields.map((f) => f.key);
  if (new Set(wanted).size !== wanted.length) throw new UnprocessableError('duplicate-field-key', `Two fields of "${path}" have the same key`);
  for (const child of before) if (!wanted.includes(child.key)) removeFieldInPlace(definition, `${path}.${child.key}`);
  for (const child of fields) {
    if (!FIELD_KEY.test(child.key)) throw new UnprocessableError('invalid-field-key', `Not a usable field key: "${child.key}"`);
    const childPath = `${path}.${child.key}`;
    if (!before.some((b) => b.key === child.key)) insertField(definition, path, child.key, fieldBlueprint(child.kind));
    writeInPlace(definition, childPath, child);
  }
  if (!same(wanted, before.map((b) => b.key).filter((k) => wanted.includes(k)))) {
    const properties = propertiesOf(holder);
    holder.properties = Object.fromEntries([...wanted.map((k) => [k, properties[k]]), ...Object.entries(properties).filter(([k]) => !wanted.includes(k))]);
    setChildOrder(uiAt(definition, childUiKeys(definition, path), false), wanted);
  }
}

function writeInPlace(definition: ServiceDefinition, path: string, wanted: FieldSettings): void {
  let before = readField(definition, path);
  let settings = wanted;
  if (wanted.kind !== before.kind) {
    // Settings carried over unchanged from the old kind give way to the new kind's defaults.
    const old = before;
    changeKind(definition, path, wanted.kind);
    before = readField(definition, path);
    const changedNow = Object.entries(wanted).filter(([k, v]) => !same(v, old[k as keyof FieldSettings]));
    settings = { ...before, ...Object.fromEntries(changedNow), label: wanted.label, required: wanted.required };
    if (wanted.help === undefined) delete settings.help;
    else settings.help = wanted.help;
  }
  const place = mustPlace(definition, path);
  const node = place.node;
  const changed = (key: keyof FieldSettings): boolean => !same(settings[key], before[key]);
  if (changed('label')) textsOf(definition, path).label = structuredClone(settings.label);
  if (changed('help')) setOrDelete(textsOf(definition, path) as unknown as Node, 'help', settings.help);
  if (FIELD_KIND_INFO[settings.kind].input && changed('required')) {
    setFieldRequired(definition, place.holder, place.key, place.topLevel, settings.required);
    if (settings.kind === 'attachment') setOrDelete(node, 'minItems', settings.required ? 1 : undefined);
  }
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'dateRule'] as const) {
    if (settings[key] !== undefined || before[key] !== undefined) if (changed(key)) setOrDelete(node, key, settings[key]);
  }
  if (settings.kind === 'short-text' && changed('pattern')) setOrDelete(node, 'pattern', settings.pattern && patternToRegex(settings.pattern));
  if (settings.kind === 'number' && changed('integer')) node.type = settings.integer === true ? 'integer' : 'number';
  if (['multiple-choice', 'repeated-group'].includes(settings.kind)) {
    for (const key of ['minItems', 'maxItems'] as const) if (changed(key)) setOrDelete(node, key, settings[key]);
  }
  if (settings.options !== undefined && changed('options')) {
    const target = settings.kind === 'multiple-choice' && isRecord(node.items) ? node.items : node;
    writeOptions(definition, path, target, settings.options, settings.kind === 'single-choice' || settings.kind === 'multiple-choice');
  }
  if (settings.kind === 'single-choice' && changed('widget') && settings.widget !== undefined) {
    const ui = uiAt(definition, place.uiKeys, true) ?? {};
    if (settings.widget === 'radio') ui['ui:widget'] = 'radio';
    else if (ui['ui:widget'] === 'radio') ui['ui:widget'] = 'select';
  }
  if (settings.kind === 'attachment' && (changed('accept') || changed('maxBytes') || changed('maxFiles'))) {
    const accept = settings.accept ?? before.accept ?? [];
    const maxBytes = settings.maxBytes ?? before.maxBytes ?? 0;
    const maxFiles = settings.maxFiles ?? before.maxFiles ?? 1;
    const fresh = attachmentSchema({ accept, maxBytes, maxFiles });
    node.items = fresh.items;
    node.maxItems = fresh.maxItems;
    const ui = uiAt(definition, place.uiKeys, true) ?? {};
    ui['ui:options'] = { ...(isRecord(ui['ui:options']) ? ui['ui:options'] : {}), accept: [...accept], maxBytes, maxFiles };
  }
  if (settings.fields !== undefined && (settings.kind === 'group' || settings.kind === 'repeated-group') && changed('fields')) {
    writeChildren(definition, path, settings.fields, before.fields ?? []);
  }
  const ui = uiAt(definition, place.uiKeys, false);
  const withoutKind = ui === undefined ? undefined : Object.fromEntries(Object.entries(ui).filter(([k]) => k !== 'ui:kind'));
  if (ui?.['ui:kind'] !== undefined || inferFieldKind(node, withoutKind) !== settings.kind) {
    (uiAt(definition, place.uiKeys, true) ?? {})['ui:kind'] = settings.kind;
  }
}

/**
 * The definition with a field's settings written: texts, required, the kind's schema keywords
 * and uiSchema. Only what differs from `readField` is touched, so hand-written keywords stay;
 * a new kind replaces the field's schema. A new `settings.key` renames the field first.
 */
export function writeField(definition: ServiceDefinition, path: string, settings: FieldSettings): ServiceDefinition {
  const next = structuredClone(definition);
  let target = path;
  const place = mustPlace(next, path);
  if (settings.key !== place.key) target = renameFieldKeyInPlace(next, path, settings.key);
  writeInPlace(next, target, settings);
  return next;
}
