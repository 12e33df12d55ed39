import { useCallback, useEffect, useId, useRef, useState } from 'react';

/** The words of the time-out dialog, in the page's language. */
export interface SessionTimeoutText {
  title: string;
  /** The warning, with the time left as m:ss. */
  body: (left: string) => string;
  extend: string;
  close: string;
  extended: string;
  ended: string;
  endedBody: string;
  endedAction: string;
}

/** Props of {@link SessionTimeout}. */
export interface SessionTimeoutProps {
  /** When the session ends (ISO), or null without one; asking must not extend it. */
  status(): Promise<string | null>;
  /** Extend the session; its new end. */
  extend(): Promise<string | null>;
  text: SessionTimeoutText;
  /** Once, as the warning opens: keep what is on the page (the citizen's step is saved). */
  onWarn?(): void;
  /** The ended dialog's button (sign in again, reload). */
  onEndedAction(): void;
  /** Tell assistive technology something (the page's live region). */
  announce?(message: string): void;
  warnMs?: number;
  pollMs?: number;
}

type Phase = 'quiet' | 'warning' | 'dismissed' | 'ended';

function left(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Warns before a session's time limit (WCAG 2.2.1): two minutes before the end a modal
 * alertdialog opens with focus on "Extend"; Escape or "Close" dismisses it; at the end it says the
 * session has ended. The end is asked from the server (another tab may have extended it), never
 * guessed alone. Renders nothing on the server, so hydration is unchanged.
 */
export function SessionTimeout({ status, extend, text, onWarn, onEndedAction, announce, warnMs = 120_000, pollMs = 60_000 }: SessionTimeoutProps) {
  const [mounted, setMounted] = useState(false);
  const [expiresAt, setExpiresAt] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>('quiet');
  const [now, setNow] = useState(() => Date.now());
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const checking = useRef(false);
  const titleId = useId();
  const bodyId = useId();

  const refresh = useCallback(async (): Promise<number | null> => {
    try {
      const text = await status();
      const at = text === null ? null : Date.parse(text);
      setExpiresAt(at);
      return at;
    } catch {
      return null;
    }
  }, [status]);

  useEffect(() => {
    setMounted(true);
    void refresh();
    const poll = setInterval(() => void refresh(), pollMs);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(poll);
      clearInterval(tick);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, pollMs]);

  // Decide the phase from the time left, confirming with the server before any change is shown.
  useEffect(() => {
    if (expiresAt === null || checking.current || phase === 'ended') {
      if (expiresAt === null && (phase === 'warning' || phase === 'dismissed')) setPhase('ended');
      return;
    }
    const remaining = expiresAt - now;
    if (remaining > warnMs) {
      if (phase !== 'quiet') setPhase('quiet');
      return;
    }
    if (phase === 'quiet' || remaining <= 0) {
      checking.current = true;
      void refresh().then((at) => {
        checking.current = false;
        const confirmed = at === null ? 0 : at - Date.now();
        if (confirmed <= 0) setPhase('ended');
        else if (confirmed <= warnMs && phase === 'quiet') {
          onWarn?.();
          setPhase('warning');
        }
      });
    }
  }, [now, expiresAt, phase, warnMs, refresh, onWarn]);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    const open = phase === 'warning' || phase === 'ended';
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    }
    if (open) action.current?.focus();
    if (!open && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [phase]);

  if (!mounted) return null;

  const onExtend = async () => {
    try {
      const at = await extend();
      setExpiresAt(at === null ? null : Date.parse(at));
      setNow(Date.now());
      setPhase(at === null ? 'ended' : 'quiet');
      if (at !== null) announce?.(text.extended);
    } catch {
      setPhase('ended');
    }
  };

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="sf-session-dialog"
      onCancel={(event) => {
        // Escape: the warning is dismissed (the end still comes); an ended session stays said.
        event.preventDefault();
        if (phase === 'warning') setPhase('dismissed');
      }}
    >
      <h2 id={titleId}>{phase === 'ended' ? text.ended : text.title}</h2>
      <p id={bodyId}>{phase === 'ended' ? text.endedBody : text.body(left((expiresAt ?? now) - now))}</p>
      <p className="sf-session-actions">
        {phase === 'ended' ? (
          <button type="button" className="sf-button" ref={action} onClick={onEndedAction}>
            {text.endedAction}
          </button>
        ) : (
          <>
            <button type="button" className="sf-button" ref={action} onClick={() => void onExtend()}>
              {text.extend}
            </button>{' '}
            <button type="button" className="sf-button sf-button--secondary" onClick={() => setPhase('dismissed')}>
              {text.close}
            </button>
          </>
        )}
      </p>
    </dialog>
  );
}
