import { describe, expect, it } from 'vitest';
import type { PageState } from '@samform/client/ssr';
import { createRenderCache, isSharedPage } from '../src/pages/render-cache.ts';

const service = { id: 'idea', title: { sv: 'Idé' }, schema: { type: 'object', properties: {} } };
const blank = { page: 'service', locale: 'sv', href: '/t/x/e/idea', tenant: { id: 'x', name: 'X' }, service, form: { page: 0, answers: {}, errors: [], returnToReview: false } } as unknown as PageState;
const withAnswer = { ...blank, form: { ...(blank as { form: object }).form, answers: { title: 'Min idé' } } } as unknown as PageState;

describe('the render cache of pages that hold nothing of one citizen', () => {
  it('when a blank form is rendered twice, then it is rendered once', () => {
    let renders = 0;
    const render = createRenderCache(() => `markup ${++renders}`);
    expect(render(blank)).toBe('markup 1');
    expect(render(blank)).toBe('markup 1');
  });

  it('when a form holds answers, errors or a login, then it is never kept', () => {
    expect(isSharedPage(withAnswer)).toBe(false);
    expect(isSharedPage({ ...blank, form: { page: 0, answers: {}, errors: [{ path: '/a', keyword: 'required', message: 'x' }], returnToReview: false } } as unknown as PageState)).toBe(false);
    expect(isSharedPage({ ...blank, eId: { identification: 'optional', login: { protectedIdentity: false }, loginHref: '/', logoutAction: '/', missingPersonnummer: false } } as unknown as PageState)).toBe(false);
    let renders = 0;
    const render = createRenderCache(() => `markup ${++renders}`);
    render(withAnswer);
    expect(render(withAnswer)).toBe('markup 2');
  });

  it('when the kept markup passes its bound, then the least recently used page goes first', () => {
    let renders = 0;
    const render = createRenderCache((state) => `${state.href} ${++renders}`.padEnd(400, '.'), 1_500);
    const other = { ...blank, href: '/t/x/e/idea?steg=2' } as PageState;
    render(blank);
    render(other);
    render(blank);
    render({ ...blank, href: '/t/x/e/idea?lang=en' } as PageState);
    expect(render(blank).startsWith('/t/x/e/idea 1')).toBe(true);
    expect(render(other).startsWith('/t/x/e/idea?steg=2 4')).toBe(true);
  });
});
