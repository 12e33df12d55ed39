let queue: Promise<unknown> = Promise.resolve();

/**
 * Saves a finished step to the citizen's draft on the server by posting its form as it stands,
 * as a page without JavaScript would. Posts go one after another, so a later step never
 * overwrites an earlier one with an older draft; a failure only means a reload shows less.
 * `automatic` marks a save the page made by itself (the time-out warning), which the server does
 * not count as the citizen's activity.
 */
export function saveStep(form: HTMLFormElement, automatic = false): void {
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
  body.set('_action', 'continue');
  const action = form.action;
  queue = queue.then(() => fetch(action, { method: 'POST', body, redirect: 'manual', credentials: 'same-origin', keepalive: true, ...(automatic ? { headers: { 'samform-autosave': '1' } } : {}) }).catch(() => undefined));
}
