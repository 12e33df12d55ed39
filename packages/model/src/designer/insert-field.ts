import type { ServiceDefinition } from '../definition.ts';
import type { FieldBlueprint } from './field-blueprint.ts';
import { holderOf, isRecord, mustPlace, propertiesOf, setRequired, uiAt } from './nodes.ts';

/** The object schema holding the fields of `parentPath` ("" = the root). */
export function childHolder(definition: ServiceDefinition, parentPath: string): Record<string, unknown> {
  return parentPath === '' ? definition.schema : holderOf(mustPlace(definition, parentPath).node);
}

/** The uiSchema keys of the entry holding a parent's children (its `items` for a repeated group). */
export function childUiKeys(definition: ServiceDefinition, parentPath: string): string[] {
  if (parentPath === '') return [];
  const place = mustPlace(definition, parentPath);
  return isRecord(place.node.items) ? [...place.uiKeys, 'items'] : place.uiKeys;
}

/** Writes a blueprint as field `key` of `parentPath` (in place); answers the new field's path. */
export function insertField(definition: ServiceDefinition, parentPath: string, key: string, blueprint: FieldBlueprint): string {
  const holder = childHolder(definition, parentPath);
  propertiesOf(holder)[key] = blueprint.schema;
  setRequired(holder, key, blueprint.required);
  const path = parentPath === '' ? key : `${parentPath}.${key}`;
  const uiKeys = [...childUiKeys(definition, parentPath), key];
  if (Object.keys(blueprint.ui).length > 0) Object.assign(uiAt(definition, uiKeys, true) ?? {}, blueprint.ui);
  if (parentPath !== '') {
    const parentUi = uiAt(definition, childUiKeys(definition, parentPath), false);
    if (parentUi !== undefined && Array.isArray(parentUi['ui:order']) && !parentUi['ui:order'].includes(key)) {
      const order = parentUi['ui:order'];
      const star = order.indexOf('*');
      parentUi['ui:order'] = star === -1 ? [...order, key] : [...order.slice(0, star), key, ...order.slice(star)];
    }
  }
  for (const [relative, texts] of Object.entries(blueprint.texts)) {
    definition.texts[relative === '' ? path : `${path}.${relative}`] = texts;
  }
  return path;
}
