import type { MouseEvent } from 'react';

/** A left click without modifier keys: the page handles it; a new-tab click stays the browser's. */
export function isPlainClick(event: MouseEvent<HTMLElement>): boolean {
  return !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
