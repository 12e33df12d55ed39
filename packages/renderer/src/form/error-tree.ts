/** Errors arranged like the answers: each node's own messages under `__errors`, its parts by key. */
export type ErrorTree = { __errors?: string[] } & { [key: string]: ErrorTree | string[] | undefined };

/** The errors of a part of a field (a property or an item index). */
export function errorsAt(tree: ErrorTree | undefined, key: string | number): ErrorTree | undefined {
  if (!tree) return undefined;
  const node = tree[String(key)];
  return node && !Array.isArray(node) ? node : undefined;
}

/** The messages of the field itself. */
export function ownErrors(tree: ErrorTree | undefined): string[] {
  return tree?.__errors ?? [];
}
