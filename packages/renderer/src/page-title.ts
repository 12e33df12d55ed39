import { rendererText } from './renderer-text.ts';

/**
 * A document title from the most specific part to the least ("Din idé – Lämna din idé –
 * Östersund – Samform"), prefixed "Fel: " while the page shows errors (WCAG 2.4.2, 3.3.1).
 */
export function pageTitle(parts: (string | undefined)[], options: { locale: string; hasErrors?: boolean }): string {
  const kept: string[] = [];
  for (const part of parts) if (part && part !== kept[kept.length - 1]) kept.push(part);
  const title = kept.join(' – ');
  return options.hasErrors ? `${rendererText(options.locale).errorTitlePrefix}${title}` : title;
}
