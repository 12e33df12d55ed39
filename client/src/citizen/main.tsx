import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import '@samform/renderer/styles.css';
import { App } from './app.tsx';
import type { AppProps } from './app.tsx';
import type { PageState } from './page-state.ts';

/** The state the server rendered the page from, or undefined (the Vite dev server renders nothing). */
function renderedState(): PageState | undefined {
  const element = document.getElementById('sf-state');
  if (element?.textContent == null) return undefined;
  try {
    return JSON.parse(element.textContent) as PageState;
  } catch {
    return undefined;
  }
}

/**
 * A form page waits only for its chunk before hydrating; the version's validator module follows
 * (the form needs it first on Continue, and renders the same without it). What the citizen typed
 * into the served form meanwhile is read just before hydrating, in the same task, so nothing
 * typed is lost (ADR 0018).
 */
async function start(root: HTMLElement): Promise<void> {
  const state = renderedState();
  if (state === undefined) {
    // No server state (the Vite dev server): every page is rendered in the browser.
    const nowhere: PageState = { page: 'problem', status: 404, locale: 'sv', href: '/__nowhere__' };
    createRoot(root).render(
      <StrictMode>
        <App initial={nowhere} />
      </StrictMode>,
    );
    return;
  }
  const props: AppProps = { initial: state };
  if (state.page === 'service') {
    const page = await import('./pages/service-page.tsx');
    props.servicePage = page.ServicePage;
    props.initial = page.withTypedAnswers(state, root.querySelector<HTMLFormElement>('form.sf-form'));
  }
  hydrateRoot(
    root,
    <StrictMode>
      <App {...props} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
