import type { ServiceDefinition } from '@samform/model';

/** The definition now, the ones before it (for Undo) and after it (for Redo). */
export interface DefinitionHistory {
  past: ServiceDefinition[];
  present: ServiceDefinition;
  future: ServiceDefinition[];
  /** The kind of the last change: a run of the same kind (typing in one box) is one undo step. */
  group: string | undefined;
}

// Enough to undo a session's worth of edits without keeping every keystroke's copy.
const LIMIT = 100;

/** A history holding only `definition`. */
export function startHistory(definition: ServiceDefinition): DefinitionHistory {
  return { past: [], present: definition, future: [], group: undefined };
}

/** `next` becomes the present; with the same `group` as the last change it replaces it instead of stacking. */
export function changeHistory(history: DefinitionHistory, next: ServiceDefinition, group?: string): DefinitionHistory {
  if (next === history.present) return history;
  if (group !== undefined && group === history.group) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: [], group };
}

/** One step back; unchanged when there is nothing to undo. */
export function undoHistory(history: DefinitionHistory): DefinitionHistory {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], group: undefined };
}

/** One step forward again after an undo. */
export function redoHistory(history: DefinitionHistory): DefinitionHistory {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: rest, group: undefined };
}
