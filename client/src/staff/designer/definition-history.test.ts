import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import { changeHistory, redoHistory, startHistory, undoHistory } from './definition-history.ts';

const def = (title: string): ServiceDefinition => ({
  id: 'x',
  title: { sv: title },
  schema: { type: 'object', properties: {} },
  texts: {},
  routing: { queue: 'q' },
});

describe('definition history', () => {
  it('when a change is undone and redone, then the definitions come back in order', () => {
    const a = def('a');
    const b = def('b');
    const c = def('c');
    const h = changeHistory(changeHistory(startHistory(a), b), c);
    expect(undoHistory(h).present).toBe(b);
    expect(undoHistory(undoHistory(h)).present).toBe(a);
    expect(redoHistory(undoHistory(undoHistory(h))).present).toBe(b);
  });

  it('when several changes share a group, then one undo takes them all back', () => {
    const h = changeHistory(changeHistory(changeHistory(startHistory(def('a')), def('ab'), 'label'), def('abc'), 'label'), def('abcd'), 'label');
    expect(h.present.title.sv).toBe('abcd');
    expect(undoHistory(h).present.title.sv).toBe('a');
  });

  it('when a new change follows an undo, then the undone future is dropped', () => {
    const h = changeHistory(undoHistory(changeHistory(startHistory(def('a')), def('b'))), def('c'));
    expect(h.future).toEqual([]);
    expect(redoHistory(h)).toBe(h);
  });
});
