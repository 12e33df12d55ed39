import { text } from '@samform/model';
import type { ServiceDefinition } from '@samform/model';
import { rendererText } from './renderer-text.ts';
import { stepsOf } from './steps.ts';

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

/** The title of a page of a form (a step or the review), as the server renders it and the form keeps it. */
export function formPageTitle(
  service: ServiceDefinition,
  page: number | 'review',
  options: { locale: string; hasErrors?: boolean; titleParts?: string[] },
): string {
  const step = typeof page === 'number' ? stepsOf(service)[page] : undefined;
  const stepTitle = step ? text(step.title, options.locale) : rendererText(options.locale).review;
  return pageTitle([stepTitle, text(service.title, options.locale), ...(options.titleParts ?? [])], options);
}
