import type { LocalText, ServiceDefinition } from '../definition.ts';
import { fieldEntries } from '../field-path.ts';
import { FIELD_KIND_INFO } from './field-kinds.ts';
import type { FieldSettings } from './field-settings.ts';
import { esc } from './nodes.ts';
import { readField } from './read-field.ts';

/** One readable difference between two versions of an e-service. */
export interface DefinitionChange {
  /** JSON Pointer into the later definition (into the earlier one for a removal). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  field?: string;
  summary: LocalText;
}

const SETTING_NAMES: Partial<Record<keyof FieldSettings, LocalText>> = {
  minLength: { sv: 'Kortaste längd', en: 'Shortest length' },
  maxLength: { sv: 'Längsta längd', en: 'Longest length' },
  minimum: { sv: 'Minsta värde', en: 'Smallest value' },
  maximum: { sv: 'Största värde', en: 'Largest value' },
  integer: { sv: 'Bara heltal', en: 'Whole numbers only' },
  minItems: { sv: 'Minsta antal', en: 'Fewest items' },
  maxItems: { sv: 'Största antal', en: 'Most items' },
  pattern: { sv: 'Mönstret', en: 'The pattern' },
  dateRule: { sv: 'Datumregeln', en: 'The date rule' },
  widget: { sv: 'Visningen', en: 'The display' },
  accept: { sv: 'Tillåtna filtyper', en: 'Accepted file types' },
  maxBytes: { sv: 'Största filstorlek', en: 'Largest file size' },
  maxFiles: { sv: 'Största antal filer', en: 'Most files' },
  showWhen: { sv: 'Villkoret för när fältet visas', en: 'The condition for showing the field' },
};

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shown(value: unknown): string {
  if (value === undefined) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function quoted(t: LocalText | undefined, locale: 'sv' | 'en'): string {
  const value = t?.[locale] ?? t?.sv ?? '';
  return locale === 'sv' ? `”${value}”` : `"${value}"`;
}

function safeRead(definition: ServiceDefinition, path: string): FieldSettings | undefined {
  try {
    return readField(definition, path);
  } catch {
    return undefined;
  }
}

function fieldChanges(before: ServiceDefinition, after: ServiceDefinition, path: string, pointer: string): DefinitionChange[] {
  const a = safeRead(before, path);
  const b = safeRead(after, path);
  if (a === undefined || b === undefined) return [];
  const changes: DefinitionChange[] = [];
  const name = b.label;
  const add = (sv: string, en: string): void => {
    changes.push({ path: pointer, kind: 'changed', field: path, summary: { sv: `Fältet ${quoted(name, 'sv')}: ${sv}`, en: `Field ${quoted(name, 'en')}: ${en}` } });
  };
  if (a.kind !== b.kind) add(`typen ändrades från ${FIELD_KIND_INFO[a.kind].label.sv.toLowerCase()} till ${FIELD_KIND_INFO[b.kind].label.sv.toLowerCase()}`, `the kind changed from ${FIELD_KIND_INFO[a.kind].label.en?.toLowerCase()} to ${FIELD_KIND_INFO[b.kind].label.en?.toLowerCase()}`);
  if (!same(a.label, b.label)) add(`etiketten ändrades från ${quoted(a.label, 'sv')} till ${quoted(b.label, 'sv')}`, `the label changed from ${quoted(a.label, 'en')} to ${quoted(b.label, 'en')}`);
  if (!same(a.help, b.help)) {
    if (a.help === undefined) add('fick en hjälptext', 'got a help text');
    else if (b.help === undefined) add('hjälptexten togs bort', 'the help text was removed');
    else add(`hjälptexten ändrades från ${quoted(a.help, 'sv')} till ${quoted(b.help, 'sv')}`, `the help text changed from ${quoted(a.help, 'en')} to ${quoted(b.help, 'en')}`);
  }
  if (a.required !== b.required) add(b.required ? 'blev obligatoriskt' : 'blev frivilligt', b.required ? 'became required' : 'became optional');
  if (a.kind === b.kind) {
    for (const [key, label] of Object.entries(SETTING_NAMES) as [keyof FieldSettings, LocalText][]) {
      if (same(a[key], b[key])) continue;
      add(`${label.sv.toLowerCase()} ändrades från ${shown(a[key])} till ${shown(b[key])}`, `${label.en?.toLowerCase()} changed from ${shown(a[key])} to ${shown(b[key])}`);
    }
    const before = new Map((a.options ?? []).map((o) => [JSON.stringify(o.value), o]));
    const after = new Map((b.options ?? []).map((o) => [JSON.stringify(o.value), o]));
    for (const [value, option] of after) {
      const old = before.get(value);
      if (old === undefined) add(`svarsalternativet ${quoted(option.label, 'sv')} lades till`, `option ${quoted(option.label, 'en')} was added`);
      else if (!same(old.label, option.label)) add(`svarsalternativet ${quoted(old.label, 'sv')} bytte text till ${quoted(option.label, 'sv')}`, `option ${quoted(old.label, 'en')} changed its text to ${quoted(option.label, 'en')}`);
    }
    for (const [value, option] of before) {
      if (!after.has(value)) add(`svarsalternativet ${quoted(option.label, 'sv')} togs bort`, `option ${quoted(option.label, 'en')} was removed`);
    }
  }
  return changes;
}

/**
 * The readable differences between two definitions, field by field, in Swedish and English:
 * fields added, removed, moved and changed; steps added, removed, moved and renamed; the title,
 * description, identification and routing.
 */
export function diffDefinitions(before: ServiceDefinition, after: ServiceDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const change = (path: string, kind: DefinitionChange['kind'], sv: string, en: string, field?: string): void => {
    changes.push({ path, kind, summary: { sv, en }, ...(field === undefined ? {} : { field }) });
  };
  if (!same(before.title, after.title)) change('/title', 'changed', `Titeln ändrades från ${quoted(before.title, 'sv')} till ${quoted(after.title, 'sv')}`, `The title changed from ${quoted(before.title, 'en')} to ${quoted(after.title, 'en')}`);
  if (!same(before.description, after.description)) change('/description', 'changed', 'Beskrivningen ändrades', 'The description changed');
  if (before.identification !== after.identification) change('/identification', 'changed', `Identifieringen ändrades från ${shown(before.identification)} till ${shown(after.identification)}`, `Identification changed from ${shown(before.identification)} to ${shown(after.identification)}`);

  const stepsBefore = before.steps ?? [];
  const stepsAfter = after.steps ?? [];
  stepsAfter.forEach((step, i) => {
    const old = stepsBefore.find((s) => s.id === step.id);
    if (old === undefined) change(`/steps/${i}`, 'added', `Steget ${quoted(step.title, 'sv')} lades till`, `Step ${quoted(step.title, 'en')} was added`);
    else {
      if (!same(old.title, step.title)) change(`/steps/${i}/title`, 'changed', `Steget ${quoted(old.title, 'sv')} bytte namn till ${quoted(step.title, 'sv')}`, `Step ${quoted(old.title, 'en')} was renamed ${quoted(step.title, 'en')}`);
      if (!same(old.showWhen, step.showWhen)) change(`/steps/${i}/showWhen`, 'changed', `Villkoret för när steget ${quoted(step.title, 'sv')} visas ändrades`, `The condition for showing step ${quoted(step.title, 'en')} changed`);
    }
  });
  stepsBefore.forEach((step, i) => {
    if (!stepsAfter.some((s) => s.id === step.id)) change(`/steps/${i}`, 'removed', `Steget ${quoted(step.title, 'sv')} togs bort`, `Step ${quoted(step.title, 'en')} was removed`);
  });
  const common = (list: typeof stepsBefore, other: typeof stepsBefore) => list.filter((s) => other.some((o) => o.id === s.id)).map((s) => s.id);
  const orderBefore = common(stepsBefore, stepsAfter);
  const orderAfter = common(stepsAfter, stepsBefore);
  orderAfter.forEach((id, i) => {
    const from = orderBefore.indexOf(id);
    const step = stepsAfter.find((s) => s.id === id);
    if (from !== i && step !== undefined) {
      change(`/steps/${stepsAfter.indexOf(step)}`, 'changed', `Steget ${quoted(step.title, 'sv')} flyttades från plats ${from + 1} till ${i + 1}`, `Step ${quoted(step.title, 'en')} moved from position ${from + 1} to ${i + 1}`);
    }
  });

  const entriesBefore = fieldEntries(before.schema);
  const entriesAfter = fieldEntries(after.schema);
  const pathsBefore = new Set(entriesBefore.map((e) => e.path));
  const pathsAfter = new Set(entriesAfter.map((e) => e.path));
  for (const entry of entriesAfter) {
    const label = after.texts[entry.path]?.label;
    if (!pathsBefore.has(entry.path)) {
      // A new group's inner fields come with it.
      const parent = entry.path.split('.').slice(0, -1).join('.');
      if (parent !== '' && !pathsBefore.has(parent)) continue;
      change(`/schema${entry.pointer}`, 'added', `Fältet ${quoted(label, 'sv')} lades till`, `Field ${quoted(label, 'en')} was added`, entry.path);
      continue;
    }
    changes.push(...fieldChanges(before, after, entry.path, `/schema${entry.pointer}`));
    if (!entry.path.includes('.')) {
      const from = stepsBefore.find((s) => s.fields.includes(entry.path));
      const to = stepsAfter.find((s) => s.fields.includes(entry.path));
      if (from !== undefined && to !== undefined && from.id !== to.id) {
        change(`/texts/${esc(entry.path)}`, 'changed', `Fältet ${quoted(label, 'sv')} flyttades från steget ${quoted(from.title, 'sv')} till ${quoted(to.title, 'sv')}`, `Field ${quoted(label, 'en')} moved from step ${quoted(from.title, 'en')} to ${quoted(to.title, 'en')}`, entry.path);
      }
    }
  }
  for (const entry of entriesBefore) {
    if (pathsAfter.has(entry.path)) continue;
    const parent = entry.path.split('.').slice(0, -1).join('.');
    if (parent !== '' && !pathsAfter.has(parent)) continue;
    const label = before.texts[entry.path]?.label;
    change(`/schema${entry.pointer}`, 'removed', `Fältet ${quoted(label, 'sv')} togs bort`, `Field ${quoted(label, 'en')} was removed`, entry.path);
  }

  if (before.routing.queue !== after.routing.queue) change('/routing/queue', 'changed', `Standardkön ändrades från ${before.routing.queue} till ${after.routing.queue}`, `The default queue changed from ${before.routing.queue} to ${after.routing.queue}`);
  if (!same(before.routing.rules, after.routing.rules)) change('/routing/rules', 'changed', 'Reglerna för vilken kö ärendena går till ändrades', 'The rules for which queue cases go to changed');
  if (!same(before.receipt, after.receipt)) change('/receipt', 'changed', 'Texten på kvittot ändrades', 'The receipt text changed');
  if (!same(before.privacyNotice, after.privacyNotice)) change('/privacyNotice', 'changed', 'Informationen om personuppgifter ändrades', 'The privacy notice changed');
  return changes;
}
