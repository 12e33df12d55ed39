import { checkDefinition } from '../check-definition.ts';
import type { JsonSchema, LocalText, ServiceDefinition } from '../definition.ts';
import { schemaAt } from '../field-path.ts';
import { DEFINITION_TEXT_TARGETS, LOCAL_PROPERTY } from './adoption-overrides.ts';
import type { AdoptionOverrides, OverrideProblem } from './adoption-overrides.ts';
import { effectiveDefinition } from './effective-definition.ts';
import { contrastRatio, formatRatio, HEX_COLOUR } from './contrast-ratio.ts';

type Node = Record<string, unknown>;

const KEYS = ['texts', 'contact', 'routing', 'retentionDays', 'localQuestions', 'theme'];
/** Links and buttons use the colour as text on white and under white text: both need 4.5:1 (WCAG 1.4.3). */
const MIN_CONTRAST = 4.5;
const WHITE = '#ffffff';
const FIELD_TEXT_KEYS = ['label', 'help', 'options', 'errors'];
/** Ten years; longer keeping needs a decision of its own (arkivlagen), not an override. */
const MAX_RETENTION_DAYS = 3650;

function isRecord(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isLocalText(x: unknown): x is LocalText {
  return isRecord(x) && typeof x.sv === 'string' && x.sv.trim() !== '' && Object.values(x).every((v) => typeof v === 'string');
}

function esc(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function problem(path: string, sv: string, en: string): OverrideProblem {
  return { path, message: { sv, en } };
}

/** The stable option values of an enum field (through array items), or undefined for a field without options. */
function optionValues(field: JsonSchema): Set<string> | undefined {
  const holder = isRecord(field.items) ? field.items : field;
  return Array.isArray(holder.enum) ? new Set(holder.enum.map((v) => String(v))) : undefined;
}

function fieldTextProblems(base: ServiceDefinition, target: string, value: unknown, at: string): OverrideProblem[] {
  const field = schemaAt(base.schema, target);
  if (field === undefined) {
    return [problem(at, `Gäller inte längre: e-tjänsten har inget fält "${target}".`, `No longer applies: the e-service has no field "${target}".`)];
  }
  if (!isRecord(value)) return [problem(at, 'Skriv texterna som ett objekt med label, help, options eller errors.', 'Give the texts as an object of label, help, options or errors.')];
  const problems: OverrideProblem[] = [];
  for (const [key, text] of Object.entries(value)) {
    const path = `${at}/${esc(key)}`;
    if (!FIELD_TEXT_KEYS.includes(key)) problems.push(problem(path, `Okänd text "${key}".`, `Unknown text "${key}".`));
    else if (key === 'label' || key === 'help') {
      if (!isLocalText(text)) problems.push(problem(path, 'Skriv texten per språk, minst på svenska.', 'Give the text per locale, at least in Swedish.'));
    } else if (!isRecord(text)) problems.push(problem(path, 'Skriv texterna per värde.', 'Give the texts per value.'));
    else {
      const options = key === 'options' ? optionValues(field) : undefined;
      for (const [name, item] of Object.entries(text)) {
        const itemPath = `${path}/${esc(name)}`;
        if (key === 'options' && !options?.has(name)) {
          problems.push(problem(itemPath, `Gäller inte längre: fältet "${target}" har inget alternativ "${name}".`, `No longer applies: the field "${target}" has no option "${name}".`));
        } else if (!isLocalText(item)) problems.push(problem(itemPath, 'Skriv texten per språk, minst på svenska.', 'Give the text per locale, at least in Swedish.'));
      }
    }
  }
  return problems;
}

function shapeProblems(base: ServiceDefinition, overrides: Node): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  for (const key of Object.keys(overrides)) {
    if (!KEYS.includes(key)) problems.push(problem(`/${esc(key)}`, `Okänd ändring "${key}".`, `Unknown override "${key}".`));
  }
  const { texts, contact, routing, retentionDays, localQuestions, theme } = overrides;
  if (theme !== undefined) problems.push(...themeProblems(theme));
  if (texts !== undefined) {
    if (!isRecord(texts)) problems.push(problem('/texts', 'Skriv texterna som ett objekt.', 'Give the texts as an object.'));
    else {
      for (const [target, value] of Object.entries(texts)) {
        const at = `/texts/${esc(target)}`;
        if (target.startsWith('$')) {
          if (!(DEFINITION_TEXT_TARGETS as readonly string[]).includes(target)) {
            problems.push(problem(at, `Okänd text "${target}"; välj ${DEFINITION_TEXT_TARGETS.join(', ')}.`, `Unknown text "${target}"; use ${DEFINITION_TEXT_TARGETS.join(', ')}.`));
          } else if (!isLocalText(value)) problems.push(problem(at, 'Skriv texten per språk, minst på svenska.', 'Give the text per locale, at least in Swedish.'));
        } else problems.push(...fieldTextProblems(base, target, value, at));
      }
    }
  }
  if (contact !== undefined && !isLocalText(contact)) problems.push(problem('/contact', 'Skriv kontaktuppgifterna per språk, minst på svenska.', 'Give the contact details per locale, at least in Swedish.'));
  if (routing !== undefined && !(isRecord(routing) && typeof routing.queue === 'string')) {
    problems.push(problem('/routing', 'Ange en kö: {"queue": "avfall"}.', 'Name a queue: {"queue": "avfall"}.'));
  }
  if (retentionDays !== undefined && !(Number.isSafeInteger(retentionDays) && (retentionDays as number) >= 1 && (retentionDays as number) <= MAX_RETENTION_DAYS)) {
    problems.push(problem('/retentionDays', `Ange ett helt antal dagar, 1–${MAX_RETENTION_DAYS}.`, `Give a whole number of days, 1–${MAX_RETENTION_DAYS}.`));
  }
  if (localQuestions !== undefined) {
    if (!isRecord(localQuestions) || !isRecord(localQuestions.schema) || !isRecord(localQuestions.schema.properties) || !isRecord(localQuestions.texts)) {
      problems.push(problem('/localQuestions', 'Lokala frågor behöver schema med properties och texts.', 'Local questions need a schema with properties, and texts.'));
    } else if (localQuestions.title !== undefined && !isLocalText(localQuestions.title)) {
      problems.push(problem('/localQuestions/title', 'Skriv rubriken per språk, minst på svenska.', 'Give the heading per locale, at least in Swedish.'));
    }
    if (schemaAt(base.schema, LOCAL_PROPERTY) !== undefined) {
      problems.push(problem('/localQuestions', `Gäller inte längre: e-tjänsten har själv ett fält "${LOCAL_PROPERTY}".`, `No longer applies: the e-service itself has a field "${LOCAL_PROPERTY}".`));
    }
  }
  return problems;
}

function themeProblems(theme: unknown): OverrideProblem[] {
  if (!isRecord(theme)) return [problem('/theme', 'Ange temat som {"primaryColor": "#005b96"}.', 'Give the theme as {"primaryColor": "#005b96"}.')];
  const problems: OverrideProblem[] = [];
  for (const key of Object.keys(theme)) {
    if (key !== 'primaryColor' && key !== 'logo') problems.push(problem(`/theme/${esc(key)}`, `Okänd del av temat "${key}".`, `Unknown part of the theme "${key}".`));
  }
  const colour = theme.primaryColor;
  if (typeof colour !== 'string' || !HEX_COLOUR.test(colour)) {
    problems.push(problem('/theme/primaryColor', 'Ange färgen som #rrggbb, till exempel #005b96.', 'Give the colour as #rrggbb, for example #005b96.'));
  } else {
    const ratio = contrastRatio(colour, WHITE);
    if (ratio < MIN_CONTRAST) {
      problems.push(
        problem(
          '/theme/primaryColor',
          `Färgen ${colour} har kontrasten ${formatRatio(ratio, 'sv')}:1 mot vitt; länkar och knappar behöver minst 4,5:1. Välj en mörkare färg.`,
          `The colour ${colour} has a contrast of ${formatRatio(ratio, 'en')}:1 with white; links and buttons need at least 4.5:1. Choose a darker colour.`,
        ),
      );
    }
  }
  const logo = theme.logo;
  if (logo !== undefined) {
    if (!isRecord(logo) || typeof logo.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(logo.sha256)) {
      problems.push(problem('/theme/logo', 'Ladda upp logotypen först; den anges med sin sha256.', 'Upload the logo first; it is named by its sha256.'));
    } else if (!isLocalText(logo.alt) || typeof logo.alt.en !== 'string' || logo.alt.en.trim() === '') {
      problems.push(problem('/theme/logo/alt', 'Skriv logotypens alternativtext på svenska och engelska.', "Give the logo's alt text in Swedish and English."));
    }
  }
  return problems;
}

// Points a problem of the effective definition back at the override that caused it.
function overridePath(definitionPath: string): string {
  const local = `/schema/properties/${LOCAL_PROPERTY}`;
  if (definitionPath.startsWith(local)) return `/localQuestions/schema${definitionPath.slice(local.length)}`;
  if (definitionPath.startsWith(`/texts/${LOCAL_PROPERTY}.`)) return `/localQuestions/texts/${definitionPath.slice(`/texts/${LOCAL_PROPERTY}.`.length)}`;
  if (definitionPath.startsWith(`/uiSchema/${LOCAL_PROPERTY}`)) return `/localQuestions/uiSchema${definitionPath.slice(`/uiSchema/${LOCAL_PROPERTY}`.length)}`;
  if (definitionPath.startsWith('/routing') || definitionPath.startsWith('/texts')) return definitionPath;
  return '';
}

/**
 * Everything that keeps `overrides` from applying to `base`: an unknown or malformed override,
 * one that targets a field or an option the base does not have ("no longer applies", e.g. after
 * the owner removed a field or renamed an option), and any problem `checkDefinition` finds in
 * the effective definition. Paths are JSON Pointers into the overrides. Empty = it applies.
 */
export function overrideProblems(base: ServiceDefinition, overrides: unknown): OverrideProblem[] {
  if (!isRecord(overrides)) return [problem('', 'Skriv ändringarna som ett objekt.', 'Give the overrides as an object.')];
  const problems = shapeProblems(base, overrides);
  if (problems.length > 0) return problems;
  return checkDefinition(effectiveDefinition(base, overrides as AdoptionOverrides)).map((p) =>
    problem(overridePath(p.path), `Den anpassade e-tjänsten: ${p.path || '/'} ${p.message}`, `The adopted e-service: ${p.path || '/'} ${p.message}`),
  );
}
