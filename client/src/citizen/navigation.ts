import { createContext, useContext, useSyncExternalStore } from 'react';
import type { MouseEvent } from 'react';

const CHANGE = 'samform:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

/** The address the page was rendered for on the server; hydration starts from the same one. */
export const RenderedHrefContext = createContext('/');

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): { pathname: string; search: string } {
  const rendered = useContext(RenderedHrefContext);
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search, () => rendered);
  const url = new URL(href, 'http://x');
  return { pathname: url.pathname, search: url.search };
}

/** Goes to a path within the site without reloading (replace: no new history entry). */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(CHANGE));
}

/** A link's click handler that navigates in-page, leaving modified clicks (new tab) to the browser. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(event.currentTarget.href);
  if (url.origin !== window.location.origin) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
