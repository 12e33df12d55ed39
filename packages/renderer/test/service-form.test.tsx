import { readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { ServiceDefinition, SubmissionError } from '@samform/model';
import { ServiceForm } from '../src/index.ts';
import type { FormPage } from '../src/index.ts';
import { PAUSE_SERVICE } from './fixtures.ts';
import { attr, ids, tagWithId, textOf } from './html.ts';

const IDEA: ServiceDefinition = JSON.parse(
  readFileSync(new URL('../../../forms/ostersund/lamna-din-ide.json', import.meta.url), 'utf8'),
);

function render(service: ServiceDefinition, page: FormPage, options: { locale?: string; data?: Record<string, unknown>; errors?: SubmissionError[] } = {}): string {
  return renderToString(
    <ServiceForm
      service={service}
      locale={options.locale ?? 'sv'}
      onSubmit={async () => ({ ok: false, errors: [] })}
      initialPage={page}
      {...(options.data ? { initialData: options.data } : {})}
      {...(options.errors ? { initialErrors: options.errors } : {})}
    />,
  );
}

/** Every aria-describedby in the markup points at elements that exist. */
function expectDescribedByResolves(html: string): void {
  const present = ids(html);
  for (const match of html.matchAll(/aria-describedby="([^"]+)"/g)) {
    for (const id of (match[1] ?? '').split(' ')) expect(present, `aria-describedby ${id}`).toContain(id);
  }
}

describe('the idea form (forms/ostersund/lamna-din-ide.json)', () => {
  test('when step 1 renders, then each input has a visible label, its hint linked and required in words', () => {
    const html = render(IDEA, 0);
    for (const id of ['f-title', 'f-need', 'f-proposal']) {
      expect(html).toContain(`for="${id}"`);
      expect(attr(tagWithId(html, id), 'aria-describedby')).toBe(`${id}__help`);
    }
    expect(textOf(html)).toContain('Vad vill du kalla idén? (obligatoriskt)');
    expectDescribedByResolves(html);
  });

  test('when a step renders, then only that step’s fields are in it and its h1 names the step', () => {
    const html = render(IDEA, 0);
    expect(html).toContain('id="f-title"');
    expect(html).not.toContain('id="f-area"');
    expect(html).not.toContain('f-contact-name');
    expect(html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1]).toBe('Din idé');
    expect(html).toMatch(/<h1[^>]*tabindex="-1"/i);
    expect(textOf(html)).toContain('Steg 1 av 3');
  });

  test('when step 2 renders, then radios and checkboxes sit in a fieldset whose legend is the question', () => {
    const html = render(IDEA, 1);
    expect(html).toMatch(/<fieldset[^>]*><legend[^>]*>Vem har nytta av idén\?<span[^>]*> (<!-- -->)?\(obligatoriskt\)<\/span><\/legend>/);
    expect(html).toMatch(/<fieldset[^>]*><legend[^>]*>Jag lämnar idén som/);
    expect(html).toContain('type="radio"');
    expect(html).toContain('<label class="sf-choice-label" for="f-submitterKind-0">Invånare</label>');
    expect(html).toContain('<label class="sf-label" for="f-area">');
    expectDescribedByResolves(html);
  });

  test('when step 3 renders, then personal fields carry autocomplete tokens and the consent box starts unticked', () => {
    const html = render(IDEA, 2);
    expect(attr(tagWithId(html, 'f-contact-name'), 'autocomplete')).toBe('name');
    expect(attr(tagWithId(html, 'f-contact-email'), 'autocomplete')).toBe('email');
    expect(attr(tagWithId(html, 'f-contact-phone'), 'autocomplete')).toBe('tel');
    expect(attr(tagWithId(html, 'f-contact-phone'), 'type')).toBe('tel');
    expect(tagWithId(html, 'f-publicRecord')).not.toMatch(/checked/);
    expect(html).toMatch(/<fieldset[^>]*id="f-contact"[^>]*><legend[^>]*>Dina kontaktuppgifter/);
  });

  test('when shown in English, then required reads "(required)" and buttons are English', () => {
    const html = render(IDEA, 0, { locale: 'en' });
    expect(textOf(html)).toContain('What do you want to call the idea? (required)');
    expect(textOf(html)).toContain('Continue');
  });
});

describe('errors', () => {
  const errors: SubmissionError[] = [
    { path: '/title', keyword: 'required', message: 'Skriv vad du vill kalla idén.' },
    { path: '/need', keyword: 'required', message: 'Beskriv behovet.' },
  ];

  test('when a step has errors, then the summary counts them and links each to its field', () => {
    const html = render(IDEA, 0, { errors });
    expect(textOf(html)).toContain('Det finns 2 fel');
    expect(html).toContain('<a href="#f-title">Skriv vad du vill kalla idén.</a>');
    expect(html).toContain('<a href="#f-need">Beskriv behovet.</a>');
    expect(html).toMatch(/class="sf-error-summary" tabindex="-1"/i);
    expect(html.indexOf('sf-error-summary')).toBeLessThan(html.indexOf('<h1'));
  });

  test('when a field has an error, then it is beside the field, linked by aria-describedby, and the input is aria-invalid', () => {
    const html = render(IDEA, 0, { errors });
    const input = tagWithId(html, 'f-title');
    expect(attr(input, 'aria-invalid')).toBe('true');
    expect(attr(input, 'aria-describedby')).toBe('f-title__help f-title__error');
    expect(textOf(html)).toContain('Fel: Skriv vad du vill kalla idén.');
    expectDescribedByResolves(html);
  });

  test('when shown in English, then the summary says "There are 2 errors"', () => {
    expect(textOf(render(IDEA, 0, { errors, locale: 'en' }))).toContain('There are 2 errors');
  });

  test('when an error is nested, then it shows beside the nested field', () => {
    const html = render(IDEA, 2, { errors: [{ path: '/contact/email', keyword: 'format', message: 'Skriv e-postadressen med @.' }] });
    expect(html).toContain('<a href="#f-contact-email">');
    expect(tagWithId(html, 'f-contact-email__error')).toContain('sf-error-message');
    expect(attr(tagWithId(html, 'f-contact-email'), 'aria-invalid')).toBe('true');
  });
});

describe('the theme', () => {
  test('when a notice is in a step, then it is a headed block and no input', () => {
    const html = render(PAUSE_SERVICE, 0);
    expect(html).toMatch(/<div class="sf-notice sf-notice--warning" id="f-urgent"><h2 class="sf-notice-heading">Brådskande\?<\/h2><p class="sf-notice-body">Ring 063-14 30 00.<\/p><\/div>/);
    expect(html).not.toMatch(/<input[^>]*id="f-urgent"/);
  });

  test('when a date field renders, then it is a native date input with the format in its hint', () => {
    const html = render(PAUSE_SERVICE, 1);
    expect(attr(tagWithId(html, 'f-from'), 'type')).toBe('date');
    expect(textOf(html)).toContain('Skriv datumet som åååå-mm-dd');
    expect(attr(tagWithId(html, 'f-from'), 'aria-describedby')).toBe('f-from__help');
  });

  test('when a single checkbox renders, then its label is beside it and names it', () => {
    const html = render(PAUSE_SERVICE, 1);
    expect(html).toContain('<label class="sf-choice-label" for="f-agree">Jag intygar</label>');
  });
});

describe('the review page', () => {
  test('when reviewing, then every answer is listed by step with a change button naming the field', () => {
    const html = render(IDEA, 'review', {
      data: { title: 'Boka tvättstuga', need: 'Krångligt', proposal: 'En app', beneficiaries: ['citizens', 'staff'], area: 'digital', submitterKind: 'citizen', publicRecord: true },
    });
    const text = textOf(html);
    expect(html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1]).toBe('Kontrollera dina svar');
    expect(text).toContain('Din idé');
    expect(text).toContain('Om idén');
    expect(text).toContain('Invånare, Medarbetare i kommunen');
    expect(text).toContain('Digitala tjänster');
    expect(text).toContain('Ändra Vad vill du kalla idén?');
    expect(text).toContain('Dina kontaktuppgifter (frivilligt) Inte ifyllt');
    expect(text).toContain('Din idé blir en allmän handling');
    expect(html).toMatch(/<button type="submit" class="sf-button" value="send" name="_action">Skicka<\/button>/);
  });
});
