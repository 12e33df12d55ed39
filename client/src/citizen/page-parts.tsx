import { createContext, useContext, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { pageTitle } from '@samform/renderer';
import { clientText } from './client-text.ts';
import type { ProblemReason } from './page-state.ts';
import { hrefFor } from './router.ts';
import { onLinkClick } from './navigation.ts';

/** True once the visitor has navigated within the site: then a new page's h1 takes focus. */
export const NavigatedContext = createContext(false);

/** The page's one h1; focused after an in-site navigation so screen readers start there. */
export function PageHeading({ children }: { children: ReactNode }) {
  const navigated = useContext(NavigatedContext);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, [navigated]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

/** Sets the document title from the most specific part to the site name. */
export function useTitle(parts: (string | undefined)[], locale: string, enabled = true): void {
  const title = pageTitle([...parts, clientText(locale).site], { locale });
  useEffect(() => {
    if (enabled) document.title = title;
  }, [title, enabled]);
}

/** A link within the site that navigates without a reload. */
export function Link({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  return (
    <a href={href} onClick={onLinkClick} className={className}>
      {children}
    </a>
  );
}

/** "Hämtar…" announced politely while a page's data loads. */
export function Loading({ locale }: { locale: string }) {
  return (
    <p role="status" aria-live="polite">
      {clientText(locale).loading}
    </p>
  );
}

/** A page that does not exist, data that could not be fetched, a login that failed (`reason`), or a send refused for a while (429, with a way back). */
export function Problem({ locale, status, reason, retryAfterSeconds, back }: { locale: string; status: number; reason?: ProblemReason; retryAfterSeconds?: number; back?: string }) {
  const t = clientText(locale);
  const missing = status === 404;
  const tooMany = status === 429;
  const [title, body] =
    reason === 'login-failed' ? [t.loginFailed, t.loginFailedBody]
    : reason === 'bad-return' ? [t.badReturn, t.badReturnBody]
    : missing ? [t.notFound, t.notFoundBody]
    : tooMany ? [t.tooMany, t.tooManyBody(retryAfterSeconds ?? 60)]
    : [t.error, t.errorBody];
  useTitle([title], locale);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{body}</p>
      <p>
        {tooMany && back !== undefined ? <Link href={back}>{t.tryAgain}</Link> : <Link href={hrefFor({ name: 'home' }, locale)}>{t.toStart}</Link>}
      </p>
    </>
  );
}
