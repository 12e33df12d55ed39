import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { text } from '@samform/model';
import type { LocalText } from '@samform/model';
import type { PointedError } from './staff-api.ts';
import { onStaffLinkClick } from './staff-router.ts';
import { staffText } from './staff-text.ts';

/** True once the person has navigated within the staff app: then a new view's h1 takes focus. */
export const NavigatedContext = createContext(false);

/** Says something in the app's polite live region ("Sparat", "Version 2 publicerad"). */
export const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/** The announcer of the app's live region. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}

/** The polite live region and its announcer; the same message twice is announced twice. */
export function useLiveRegion(): { message: string; announce: (message: string) => void } {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((next: string) => {
    setMessage('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(next), 50);
  }, []);
  return { message, announce };
}

/** The view's one h1; focused after an in-app navigation so screen readers start there. */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  const navigated = useContext(NavigatedContext);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, [navigated]);
  return (
    <h1 tabIndex={-1} ref={ref} id={id}>
      {children}
    </h1>
  );
}

/** The document title, most specific part first. */
export function useStaffTitle(parts: (string | undefined)[], locale: string, again: unknown = undefined): void {
  const title = [...parts.filter((p): p is string => Boolean(p)), staffText(locale).site].join(' – ');
  useEffect(() => {
    document.title = title;
  }, [title, again]);
}

/** A link within the staff app that navigates without a reload. */
export function StaffLink({ href, children, className, current }: { href: string; children: ReactNode; className?: string; current?: boolean }) {
  return (
    <a href={href} onClick={onStaffLinkClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

/** A text in a locale; a plain string as it is. */
export function localText(value: string | LocalText | undefined, locale: string): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : text(value, locale);
}

/** A box listing the problems a server pointed at; `onSelect` turns each into a link-like button. */
export function ProblemList({
  title,
  problems,
  locale,
  onSelect,
  focusOnMount = false,
}: {
  title: string;
  problems: PointedError[];
  locale: string;
  onSelect?: (problem: PointedError) => void;
  focusOnMount?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount, problems]);
  if (problems.length === 0) return null;
  return (
    <div className="sf-error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="sf-error-summary-title">{title}</h2>
      <ul className="sf-error-summary-list">
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            {onSelect && problem.field ? (
              <button type="button" className="sf-link-button st-error-link" onClick={() => onSelect(problem)}>
                {localText(problem.message, locale)}
              </button>
            ) : (
              <span>
                {localText(problem.message, locale)}
                {problem.path ? <span className="st-path"> ({problem.path})</span> : null}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Hämtar…" announced politely while a view's data loads. */
export function Loading({ locale }: { locale: string }) {
  return (
    <p role="status" aria-live="polite">
      {staffText(locale).loading}
    </p>
  );
}
