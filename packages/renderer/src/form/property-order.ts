/**
 * Property names in the order `ui:order` gives (`"*"` stands for the rest, in schema order);
 * names it leaves out follow at the end, names it invents are ignored.
 */
export function propertyOrder(names: readonly string[], order: unknown): string[] {
  if (!Array.isArray(order)) return [...names];
  const known = new Set(names);
  const star = order.indexOf('*');
  const listedOf = (part: unknown[]) => part.filter((name): name is string => typeof name === 'string' && name !== '*' && known.has(name));
  const before = listedOf(star < 0 ? order : order.slice(0, star));
  const after = star < 0 ? [] : listedOf(order.slice(star + 1));
  const listed = new Set([...before, ...after]);
  const rest = names.filter((name) => !listed.has(name));
  return [...before, ...rest, ...after];
}
