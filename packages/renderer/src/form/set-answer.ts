/** A copy of `root` with `value` at `path`, creating objects and lists on the way; `root` is not changed. */
export function setAnswer(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    while (list.length < head) list.push(undefined);
    list[head] = setAnswer(list[head], rest, value);
    return list;
  }
  const object = typeof root === 'object' && root !== null && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  object[head] = setAnswer(object[head], rest, value);
  return object;
}
