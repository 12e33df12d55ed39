import { readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import { ServiceForm } from '../src/index.ts';
import type { FormLinks } from '../src/index.ts';
import { attr, ids, tagWithId, textOf } from './html.ts';

const FAULT: ServiceDefinition = JSON.parse(
  readFileSync(new URL('../../../forms/region-jamtland-harjedalen/felanmalan.json', import.meta.url), 'utf8'),
);

const links: FormLinks = {
  step: () => '/t/ostersund/e/felanmalan',
  review: '/t/ostersund/e/felanmalan/granska',
  stepAction: () => '/t/ostersund/e/felanmalan',
  sendAction: '/t/ostersund/e/felanmalan/granska',
};

function render(locale: string, data?: Record<string, unknown>): string {
  return renderToString(
    <ServiceForm service={FAULT} locale={locale} links={links} onSubmit={async () => ({ ok: false, errors: [] })} initialPage={0} {...(data ? { initialData: data } : {})} />,
  );
}

describe('the attachment field (forms/…/felanmalan.json, photo)', () => {
  test('when the step renders, then a labelled file input named like the field accepts JPEG and PNG, and the form posts multipart', () => {
    const html = render('sv');
    const input = tagWithId(html, 'f-photo');
    expect(attr(input, 'type')).toBe('file');
    expect(attr(input, 'name')).toBe('photo');
    expect(attr(input, 'accept')).toBe('image/jpeg,image/png');
    expect(html).toContain('for="f-photo"');
    expect(html).toMatch(/<form[^>]*enctype="multipart\/form-data"/i);
    for (const id of (attr(input, 'aria-describedby') ?? '').split(' ')) expect(ids(html)).toContain(id);
  });

  test('when it renders in Swedish and in English, then the hint lists the allowed types, the size and the count', () => {
    expect(textOf(render('sv'))).toContain('Tillåtna filtyper: JPEG eller PNG. Högst 5 MB per fil, upp till 3 filer.');
    expect(textOf(render('en'))).toContain('Allowed file types: JPEG or PNG. At most 5 MB per file, up to 3 files.');
  });

  test('when files are uploaded already, then each is listed, carried as hidden inputs, and can be ticked for removal without JavaScript', () => {
    const photo = { id: '6f1c2a4e-0000-4000-8000-000000000001', name: 'läckan.png', type: 'image/png', size: 2048 };
    const html = render('sv', { photo: [photo] });
    expect(html).toContain('name="photo.0.id" value="6f1c2a4e-0000-4000-8000-000000000001"');
    expect(html).toContain('name="photo.0.size" value="2048"');
    expect(html).toMatch(/<input type="checkbox" id="f-photo-remove-0" name="_remove" value="photo.0"\/>/);
    expect(textOf(html)).toContain('Ta bort läckan.png');
  });
});
