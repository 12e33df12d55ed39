import { coerceFormValue } from './coerce-form-value.ts';
import type { JsonValue, ServiceDefinition } from './definition.ts';
import { FORM_LIMITS } from './form-limits.ts';
import { formShapeOf, type FormShape } from './form-shape.ts';
import { formTreeOf, type FormEntries, type FormNode } from './form-tree.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** The typed answers of one posted step, and the problems that are not validation (limits). */
export interface FormAnswers {
  answers: { [key: string]: JsonValue };
  problems: ValidationIssue[];
}

// Canonical array indexes only ("01" is not 1), short enough to sort as numbers.
const INDEX = /^(?:0|[1-9]\d{0,8})$/;

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

class Reader {
  readonly problems: ValidationIssue[] = [];

  value(shape: FormShape, node: FormNode, pointer: string): JsonValue | undefined {
    switch (shape.type) {
      case 'null':
        return undefined;
      case 'object':
        return this.object(shape, node, pointer);
      case 'array':
        return this.array(shape, node, pointer);
      default:
        return this.scalar(shape, node, pointer);
    }
  }

  private scalar(shape: FormShape, node: FormNode, pointer: string): JsonValue | undefined {
    // The last one wins, as with a hidden "false" placed before its checkbox.
    const raw = node.values.at(-1);
    if (raw === undefined) return undefined;
    if (raw.length > FORM_LIMITS.characters) {
      this.problems.push({ path: pointer, keyword: 'limit', params: { limit: FORM_LIMITS.characters, of: 'characters' } });
      return undefined;
    }
    return coerceFormValue(shape, raw);
  }

  private object(shape: FormShape, node: FormNode, pointer: string): { [key: string]: JsonValue } | undefined {
    const result: { [key: string]: JsonValue } = {};
    for (const [key, child] of shape.properties ?? []) {
      const posted = node.children.get(key);
      if (posted === undefined) continue;
      const value = this.value(child, posted, `${pointer}/${escapePointer(key)}`);
      if (value !== undefined) result[key] = value;
    }
    return Object.keys(result).length > 0 ? result : undefined;
  }

  private array(shape: FormShape, node: FormNode, pointer: string): JsonValue[] | undefined {
    const items = shape.items ?? {};
    // Checkboxes repeat the name once per ticked value; other items are posted by index.
    const repeated: [string, FormNode][] =
      items.type === 'object' || items.type === 'array'
        ? []
        : node.values.map((value, position) => [String(position), { values: [value], children: new Map() }]);
    const indexed = [...node.children]
      .filter(([index]) => INDEX.test(index))
      .sort(([a], [b]) => Number(a) - Number(b));
    const posted = [...repeated, ...indexed];
    if (posted.length > FORM_LIMITS.items) {
      this.problems.push({ path: pointer, keyword: 'limit', params: { limit: FORM_LIMITS.items, of: 'items' } });
    }
    const result: JsonValue[] = [];
    for (const [index, child] of posted.slice(0, FORM_LIMITS.items)) {
      const value = this.value(items, child, `${pointer}/${index}`);
      // An item left blank (an empty extra row) is no item.
      if (value !== undefined) result.push(value);
    }
    return result.length > 0 ? result : undefined;
  }
}

/**
 * Turns a plain HTML form post of one step into typed answers by the e-service's schema.
 * Only the top-level properties in `fields` are read, so a forged field of another step cannot
 * sneak in; names are dotted paths (`contact.email`, `buyers.0.name`), a checkbox group repeats
 * its name per ticked value, and keys starting with `_` belong to the server. Blank values are
 * left out so `required` reports them; values that do not fit their type are kept as text so
 * the compiled validator reports `type` at the field. `problems` holds only the limits hit.
 */
export function answersFromForm(definition: ServiceDefinition, fields: readonly string[], entries: FormEntries): FormAnswers {
  const tree = formTreeOf(entries, fields);
  const properties = formShapeOf(definition.schema).properties ?? new Map<string, FormShape>();
  const reader = new Reader();
  const answers: { [key: string]: JsonValue } = {};
  for (const field of new Set(fields)) {
    const shape = properties.get(field);
    const node = tree.root.children.get(field);
    if (shape === undefined || node === undefined) continue;
    const value = reader.value(shape, node, `/${escapePointer(field)}`);
    if (value !== undefined) answers[field] = value;
  }
  return { answers, problems: [...tree.problems, ...reader.problems] };
}
