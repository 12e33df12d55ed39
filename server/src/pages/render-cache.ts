import type { PageState } from '@samform/client/ssr';

/** A page state that holds nothing of one citizen: a list, the statement, or a blank form nobody is logged in to. */
export function isSharedPage(state: PageState): boolean {
  if (state.page === 'home' || state.page === 'tenant' || state.page === 'accessibility') return true;
  if (state.page !== 'service') return false;
  return Object.keys(state.form.answers).length === 0 && state.form.errors.length === 0 && (state.eId?.login ?? null) === null;
}

/**
 * Keeps the rendered markup of shared pages (see {@link isSharedPage}) by their whole state, so
 * the first view of a long form is not rendered again for every citizen who opens it; a state
 * is the page's only input, so the same state is the same markup. Least recently used pages go
 * first once the kept markup passes `maxChars`.
 */
export function createRenderCache(render: (state: PageState) => string, maxChars = 8_000_000): (state: PageState) => string {
  const kept = new Map<string, string>();
  let chars = 0;
  return (state) => {
    if (!isSharedPage(state)) return render(state);
    const key = JSON.stringify(state);
    const found = kept.get(key);
    if (found !== undefined) {
      // Most recently used last, so the oldest is the first key.
      kept.delete(key);
      kept.set(key, found);
      return found;
    }
    const markup = render(state);
    kept.set(key, markup);
    chars += key.length + markup.length;
    for (const [oldKey, oldMarkup] of kept) {
      if (chars <= maxChars) break;
      kept.delete(oldKey);
      chars -= oldKey.length + oldMarkup.length;
    }
    return markup;
  };
}
