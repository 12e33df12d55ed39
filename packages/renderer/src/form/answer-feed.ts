/**
 * The answers of a form and who shows them: a top-level field listens for its own answer, so a
 * keystroke re-renders that field alone instead of the whole form.
 */
export interface AnswerFeed {
  /** The current answer of a top-level field. */
  value(key: string): unknown;
  /** Calls `listener` whenever the field's answer changes; answers the unsubscribe. */
  subscribe(key: string, listener: () => void): () => void;
  /** Tells the field's listeners that its answer changed. */
  notify(key: string): void;
}

/** A feed over the answers as `current()` gives them at each moment. */
export function createAnswerFeed(current: () => Record<string, unknown>): AnswerFeed {
  const listeners = new Map<string, Set<() => void>>();
  return {
    value: (key) => current()[key],
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (set === undefined) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    notify(key) {
      for (const listener of listeners.get(key) ?? []) listener();
    },
  };
}
