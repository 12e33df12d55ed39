import type { Request } from 'express';

/**
 * The locale to answer in: `?lang=` when it is one of `supported`, else the best
 * Accept-Language match, else the first supported (Swedish).
 */
export function requestLocale(req: Request, supported: readonly string[]): string {
  const fallback = supported[0] ?? 'sv';
  const lang = req.query.lang;
  if (typeof lang === 'string' && supported.includes(lang)) return lang;
  const header = req.get('accept-language');
  if (header === undefined) return fallback;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](\.\d{1,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => supported.includes(entry.language))?.language ?? fallback;
}
