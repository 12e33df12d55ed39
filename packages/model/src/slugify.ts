// Letters that Unicode does not decompose into a base letter and a mark.
const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ŋ: 'ng' };

/** A URL slug of a name: "Region Jämtland Härjedalen" -> "region-jamtland-harjedalen". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[æøßđłþŋ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
