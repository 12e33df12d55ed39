/**
 * The `name` of a plain-HTML form control for a field: property keys and array indexes joined
 * with dots ("contact.email", "buyers.0.name"). Accepts a JSON Pointer ("/buyers/0/name"), a
 * name already, or a path of segments (what an rjsf `nameGenerator` receives).
 */
export function formFieldName(pointerOrPath: string | readonly (string | number)[]): string {
  if (typeof pointerOrPath !== 'string') return pointerOrPath.map(String).join('.');
  if (!pointerOrPath.startsWith('/')) return pointerOrPath;
  return pointerOrPath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
