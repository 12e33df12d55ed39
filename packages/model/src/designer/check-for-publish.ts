import { ATTACHMENT_MAX_BYTES_CAP, ATTACHMENT_TYPES } from '../attachment.ts';
import { checkDefinition } from '../check-definition.ts';
import { LOCALES, type LocalText, type ServiceDefinition } from '../definition.ts';
import { fieldEntries } from '../field-path.ts';
import { esc, isRecord, placeOf, uiAt, type Node } from './nodes.ts';
import { regexProblem } from './regex-safety.ts';

/** One thing to fix (error: blocks publishing) or consider (warning) before publishing. */
export interface PublishProblem {
  /** JSON Pointer into the definition. */
  path: string;
  /** The field path the problem is about, when it is about one. */
  field?: string;
  severity: 'error' | 'warning';
  message: LocalText;
}

/** The largest schema + uiSchema + texts, in UTF-8 bytes of JSON, that may be published. */
export const MAX_DEFINITION_BYTES = 256 * 1024;
/** The deepest nesting of objects in a schema that may be published. */
export const MAX_SCHEMA_DEPTH = 32;

const STRICT_FORMATS = ['personnummer', 'organisationsnummer', 'postnummer', 'telefonnummer', 'fastighetsbeteckning', 'date'];
const LOCALE_NAMES: Record<string, LocalText> = {
  sv: { sv: 'svenska', en: 'Swedish' },
  en: { sv: 'engelska', en: 'English' },
};
const MARKUP = /<[a-zA-Z/!?]|javascript:/i;
const VAGUE_LINK = /klicka här|click here|tryck här|press here/i;

interface TextAt {
  pointer: string;
  field?: string;
  text: LocalText;
  role: 'label' | 'help' | 'option' | 'error' | 'title' | 'other';
}

function localTexts(definition: ServiceDefinition): TextAt[] {
  const result: TextAt[] = [];
  const add = (pointer: string, text: unknown, role: TextAt['role'], field?: string): void => {
    if (isRecord(text)) result.push({ pointer, text: text as LocalText, role, ...(field === undefined ? {} : { field }) });
  };
  add('/title', definition.title, 'title');
  add('/description', definition.description, 'other');
  definition.steps?.forEach((s, i) => add(`/steps/${i}/title`, s.title, 'title'));
  definition.workflow?.forEach((s, i) => add(`/workflow/${i}/title`, s.title, 'title'));
  add('/receipt/nextSteps', definition.receipt?.nextSteps, 'other');
  add('/privacyNotice', definition.privacyNotice, 'other');
  for (const [field, texts] of Object.entries(definition.texts)) {
    const base = `/texts/${esc(field)}`;
    add(`${base}/label`, texts.label, 'label', field);
    add(`${base}/help`, texts.help, 'help', field);
    for (const [value, label] of Object.entries(texts.options ?? {})) add(`${base}/options/${esc(value)}`, label, 'option', field);
    for (const [keyword, message] of Object.entries(texts.errors ?? {})) add(`${base}/errors/${esc(keyword)}`, message, 'error', field);
  }
  return result;
}

function fieldOfPointer(pointer: string): string | undefined {
  const m = /^\/texts\/([^/]+)/.exec(pointer) ?? /^\/uiSchema\/([^/]+)/.exec(pointer);
  if (m?.[1] !== undefined) return m[1].replace(/~1/g, '/').replace(/~0/g, '~');
  const segments = [...pointer.matchAll(/\/properties\/([^/]+)/g)].map((x) => x[1] as string);
  return pointer.startsWith('/schema/') && segments.length > 0 ? segments.join('.') : undefined;
}

function depth(x: unknown): number {
  if (Array.isArray(x)) return Math.max(0, ...x.map(depth));
  if (!isRecord(x)) return 0;
  return 1 + Math.max(0, ...Object.values(x).map(depth));
}

function patterns(node: unknown, pointer: string, out: { pointer: string; pattern: string }[]): void {
  if (Array.isArray(node)) node.forEach((x, i) => patterns(x, `${pointer}/${i}`, out));
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') out.push({ pointer: `${pointer}/pattern`, pattern: value });
    if (key === 'patternProperties' && isRecord(value)) {
      for (const p of Object.keys(value)) out.push({ pointer: `${pointer}/patternProperties/${esc(p)}`, pattern: p });
    }
    patterns(value, `${pointer}/${esc(key)}`, out);
  }
}

function blank(x: string | undefined): boolean {
  return x === undefined || x.trim() === '';
}

/**
 * Everything to fix before publishing, pointing at the field: the definition's own checks,
 * a label in every enabled locale, unique keys and option values, safe regular expressions,
 * size and depth limits, no markup in author texts (errors); empty or duplicate labels, vague
 * link texts, strict formats without help (warnings).
 */
export function checkForPublish(definition: ServiceDefinition, options: { locales?: string[] } = {}): PublishProblem[] {
  const locales = options.locales ?? [...LOCALES];
  const problems: PublishProblem[] = [];
  const push = (severity: PublishProblem['severity'], path: string, message: LocalText, field?: string): void => {
    problems.push({ path, severity, message, ...(field === undefined ? {} : { field }) });
  };
  for (const p of checkDefinition(definition)) push('error', p.path, { sv: p.message, en: p.message }, fieldOfPointer(p.path));

  const schema = isRecord(definition.schema) ? definition.schema : {};
  const entries = fieldEntries(schema);
  // Drafts may be empty while they are built; what citizens get must ask something on every page.
  const inputs = Object.values(isRecord(schema.properties) ? schema.properties : {}).filter((p) => isRecord(p) && p.type !== 'null');
  if (inputs.length === 0) {
    push('error', '/schema/properties', { sv: 'Lägg till minst en fråga innan du publicerar', en: 'Add at least one question before publishing' });
  }
  (definition.steps ?? []).forEach((step, i) => {
    if (step.fields.length === 0) {
      push('error', `/steps/${i}/fields`, { sv: `Steget ”${step.title.sv}” har inga frågor; lägg till en eller ta bort steget`, en: `The step "${step.title.en ?? step.title.sv}" has no questions; add one or remove the step` });
    }
  });
  const texts = isRecord(definition.texts) ? definition.texts : {};
  for (const entry of entries) {
    const t = texts[entry.path];
    if (t === undefined) continue;
    const pointer = `/texts/${esc(entry.path)}`;
    const notice = entry.schema.type === 'null';
    for (const locale of locales) {
      const name = LOCALE_NAMES[locale] ?? { sv: locale, en: locale };
      const label = t.label[locale];
      if (label === undefined && !(notice && t.help?.[locale] !== undefined)) {
        push('error', `${pointer}/label`, { sv: `Etiketten saknas på ${name.sv}`, en: `The label is missing in ${name.en}` }, entry.path);
      } else if (label !== undefined && blank(label) && !notice) {
        push('warning', `${pointer}/label/${locale}`, { sv: 'Etiketten är tom', en: 'The label is empty' }, entry.path);
      }
      for (const [value, optionLabel] of Object.entries(t.options ?? {})) {
        if (blank(optionLabel[locale])) {
          push('error', `${pointer}/options/${esc(value)}`, { sv: `Svarsalternativet ”${value}” saknar text på ${name.sv}`, en: `Option "${value}" has no text in ${name.en}` }, entry.path);
        }
      }
      if (t.help !== undefined && t.help[locale] === undefined) {
        push('warning', `${pointer}/help`, { sv: `Hjälptexten saknas på ${name.sv}`, en: `The help text is missing in ${name.en}` }, entry.path);
      }
    }
    const format = entry.schema.format;
    const strict = (typeof format === 'string' && STRICT_FORMATS.includes(format)) || typeof entry.schema.pattern === 'string';
    if (strict && t.help === undefined) {
      push('warning', pointer, { sv: 'Fältet kräver ett bestämt format; lägg till en hjälptext med ett exempel', en: 'The field needs a set format; add a help text with an example' }, entry.path);
    }
    const values = Array.isArray(entry.schema.enum) ? entry.schema.enum : isRecord(entry.schema.items) && Array.isArray(entry.schema.items.enum) ? entry.schema.items.enum : [];
    const seen = new Set<string>();
    for (const value of values) {
      const k = JSON.stringify(value);
      if (seen.has(k)) push('error', `/schema${entry.pointer}`, { sv: `Värdet ${k} finns två gånger bland svarsalternativen`, en: `The value ${k} appears twice among the options` }, entry.path);
      seen.add(k);
    }
  }

  for (const holder of [{ path: '', pointer: '', schema }, ...entries]) {
    let node: Node = holder.schema;
    let pointer = holder.pointer;
    while (isRecord(node.items)) {
      node = node.items;
      pointer += '/items';
    }
    if (!isRecord(node.properties)) continue;
    const keys = Object.keys(node.properties);
    const byLower = new Map<string, string>();
    for (const key of keys) {
      const other = byLower.get(key.toLowerCase());
      const field = holder.path === '' ? key : `${holder.path}.${key}`;
      if (other !== undefined) {
        push('error', `/schema${pointer}/properties/${esc(key)}`, { sv: `Nyckeln ”${key}” skiljer sig bara i stora och små bokstäver från ”${other}”`, en: `The key "${key}" differs from "${other}" only in letter case` }, field);
      }
      byLower.set(key.toLowerCase(), key);
    }
    for (const locale of locales) {
      const byLabel = new Map<string, string>();
      for (const key of keys) {
        const field = holder.path === '' ? key : `${holder.path}.${key}`;
        const child = node.properties[key];
        const label = texts[field]?.label[locale]?.trim().toLowerCase();
        if (label === undefined || label === '' || (isRecord(child) && child.type === 'null')) continue;
        const other = byLabel.get(label);
        if (other !== undefined) {
          push('warning', `/texts/${esc(field)}/label/${locale}`, { sv: `Samma etikett som fältet ”${other}”`, en: `The same label as field "${other}"` }, field);
        }
        byLabel.set(label, field);
      }
    }
  }

  for (const entry of entries) {
    const place = placeOf(definition, entry.path);
    const ui = place === undefined ? undefined : uiAt(definition, place.uiKeys, false);
    if (ui?.['ui:kind'] !== 'attachment') continue;
    const options = isRecord(ui['ui:options']) ? ui['ui:options'] : {};
    const pointer = `/uiSchema/${place?.uiKeys.map(esc).join('/')}/ui:options`;
    const known: readonly string[] = ATTACHMENT_TYPES;
    const unknown = Array.isArray(options.accept) ? options.accept.filter((t) => typeof t !== 'string' || !known.includes(t)) : [];
    if (unknown.length > 0) {
      push('error', `${pointer}/accept`, { sv: `Filtypen ${unknown.join(', ')} kan inte kännas igen på innehållet`, en: `The file type ${unknown.join(', ')} cannot be recognised from the content` }, entry.path);
    }
    if (typeof options.maxBytes === 'number' && options.maxBytes > ATTACHMENT_MAX_BYTES_CAP) {
      push('error', `${pointer}/maxBytes`, { sv: `En fil får vara högst ${ATTACHMENT_MAX_BYTES_CAP / 1024 / 1024} MB`, en: `A file may be at most ${ATTACHMENT_MAX_BYTES_CAP / 1024 / 1024} MB` }, entry.path);
    }
  }

  const found: { pointer: string; pattern: string }[] = [];
  patterns(schema, '/schema', found);
  for (const { pointer, pattern } of found) {
    const why = regexProblem(pattern);
    if (why !== undefined) {
      push('error', pointer, { sv: `Mönstret ${pattern} ${why.sv}; använd mönsterbyggaren eller ett enklare mönster`, en: `The pattern ${pattern} ${why.en}; use the pattern builder or a simpler pattern` }, fieldOfPointer(pointer));
    }
  }

  const bytes = new TextEncoder().encode(JSON.stringify({ schema, uiSchema: definition.uiSchema ?? {}, texts })).length;
  if (bytes > MAX_DEFINITION_BYTES) {
    const kb = Math.ceil(bytes / 1024);
    push('error', '/schema', { sv: `E-tjänsten är för stor (${kb} kB av högst ${MAX_DEFINITION_BYTES / 1024} kB); dela upp den eller korta svarsalternativen`, en: `The e-service is too large (${kb} KB of at most ${MAX_DEFINITION_BYTES / 1024} KB); split it or shorten the options` });
  }
  const levels = depth(schema);
  if (levels > MAX_SCHEMA_DEPTH) {
    push('error', '/schema', { sv: `Schemat är för djupt nästlat (${levels} nivåer av högst ${MAX_SCHEMA_DEPTH})`, en: `The schema is nested too deep (${levels} levels of at most ${MAX_SCHEMA_DEPTH})` });
  }

  for (const at of localTexts(definition)) {
    if (at.role === 'title') {
      for (const locale of locales) {
        const name = LOCALE_NAMES[locale] ?? { sv: locale, en: locale };
        if (blank(at.text[locale])) push('error', at.pointer, { sv: `Rubriken saknas på ${name.sv}`, en: `The title is missing in ${name.en}` });
      }
    }
    for (const [locale, value] of Object.entries(at.text)) {
      if (typeof value !== 'string') continue;
      if (MARKUP.test(value)) {
        push('error', `${at.pointer}/${esc(locale)}`, { sv: 'Texten innehåller HTML eller skript; ta bort koden – texter visas alltid som vanlig text', en: 'The text holds HTML or script; remove the markup – texts are always shown as plain text' }, at.field);
      }
      if (VAGUE_LINK.test(value)) {
        push('warning', `${at.pointer}/${esc(locale)}`, { sv: 'Undvik ”klicka här”; skriv vart länken leder', en: 'Avoid "click here"; say where the link goes' }, at.field);
      }
    }
  }
  return problems;
}
