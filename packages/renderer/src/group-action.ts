import { formFieldName } from '@samform/model';

/**
 * The `_action` of a repeated group's buttons, so that they work as plain form posts without
 * JavaScript: "add:buyers" adds an item to the group posted as `buyers`, "remove:buyers.0"
 * removes its first item. The server's step post reads the same values.
 */
export function groupAction(kind: 'add', groupPath: readonly (string | number)[]): string;
export function groupAction(kind: 'remove', itemPath: readonly (string | number)[]): string;
export function groupAction(kind: 'add' | 'remove', path: readonly (string | number)[]): string {
  return `${kind}:${formFieldName(path)}`;
}
