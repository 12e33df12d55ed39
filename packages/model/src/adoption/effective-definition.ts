import type { FieldTexts, LocalText, ServiceDefinition } from '../definition.ts';
import { LOCAL_PROPERTY } from './adoption-overrides.ts';
import type { AdoptionOverrides, LocalQuestions } from './adoption-overrides.ts';

const LOCAL_TITLE: LocalText = { sv: 'Lokala frågor', en: 'Local questions' };

function mergeTexts(base: FieldTexts | undefined, override: Partial<FieldTexts>): FieldTexts {
  const merged: FieldTexts = { ...base, ...override, label: override.label ?? base?.label ?? { sv: '' } };
  if (base?.options !== undefined || override.options !== undefined) merged.options = { ...base?.options, ...override.options };
  if (base?.errors !== undefined || override.errors !== undefined) merged.errors = { ...base?.errors, ...override.errors };
  return merged;
}

function withContact(nextSteps: LocalText | undefined, contact: LocalText): LocalText {
  if (nextSteps === undefined) return contact;
  const locales = new Set([...Object.keys(nextSteps), ...Object.keys(contact)]);
  const joined: LocalText = { sv: `${nextSteps.sv}\n\n${contact.sv}` };
  for (const locale of locales) {
    if (locale === 'sv') continue;
    // A locale missing on one side falls back to Swedish, as every text does.
    joined[locale] = `${nextSteps[locale] ?? nextSteps.sv}\n\n${contact[locale] ?? contact.sv}`;
  }
  return joined;
}

function addLocalQuestions(definition: ServiceDefinition, local: LocalQuestions): ServiceDefinition {
  const required = Array.isArray(local.schema.required) && local.schema.required.length > 0;
  const baseRequired = Array.isArray(definition.schema.required) ? (definition.schema.required as string[]) : [];
  const schema = {
    ...definition.schema,
    properties: { ...(definition.schema.properties as object), [LOCAL_PROPERTY]: { ...local.schema, type: 'object', additionalProperties: false } },
    ...(required ? { required: [...baseRequired, LOCAL_PROPERTY] } : {}),
  };
  const uiSchema = { ...definition.uiSchema };
  const order = uiSchema['ui:order'];
  if (Array.isArray(order) && !order.includes('*')) uiSchema['ui:order'] = [...order, LOCAL_PROPERTY];
  if (local.uiSchema !== undefined) uiSchema[LOCAL_PROPERTY] = local.uiSchema;
  const title = local.title ?? LOCAL_TITLE;
  const texts: Record<string, FieldTexts> = { ...definition.texts, [LOCAL_PROPERTY]: { label: title } };
  for (const [path, text] of Object.entries(local.texts)) texts[`${LOCAL_PROPERTY}.${path}`] = text;
  return {
    ...definition,
    schema,
    uiSchema,
    texts,
    ...(definition.steps === undefined ? {} : { steps: [...definition.steps, { id: LOCAL_PROPERTY, title, fields: [LOCAL_PROPERTY] }] }),
  };
}

/**
 * The e-service a municipality serves: the base version with its overrides applied. The base's
 * questions and answer keys are untouched (the owner's integrations keep working); local
 * questions are added under `lokalt`. Pure: the base is not changed. Check the result with
 * `overrideProblems` first, which also runs `checkDefinition` on it.
 */
export function effectiveDefinition(base: ServiceDefinition, overrides: AdoptionOverrides): ServiceDefinition {
  let definition: ServiceDefinition = { ...base, texts: { ...base.texts } };
  for (const [target, text] of Object.entries(overrides.texts ?? {})) {
    if (target === '$title') definition.title = text as LocalText;
    else if (target === '$description') definition.description = text as LocalText;
    else if (target === '$privacyNotice') definition.privacyNotice = text as LocalText;
    else if (target === '$receipt') definition.receipt = { nextSteps: text as LocalText };
    else definition.texts[target] = mergeTexts(definition.texts[target], text as Partial<FieldTexts>);
  }
  if (overrides.contact !== undefined) definition.receipt = { nextSteps: withContact(definition.receipt?.nextSteps, overrides.contact) };
  if (overrides.routing !== undefined) definition.routing = overrides.routing;
  if (overrides.localQuestions !== undefined) definition = addLocalQuestions(definition, overrides.localQuestions);
  return definition;
}
