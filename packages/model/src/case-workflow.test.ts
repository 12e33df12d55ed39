import { describe, expect, it } from 'vitest';
import { allowedMoves, initialStop, refusedMove, workflowOf } from './case-workflow.ts';
import type { WorkflowStatus } from './definition.ts';

const journey: WorkflowStatus[] = [
  { id: 'received', title: { sv: 'Idén har kommit in' } },
  { id: 'investigating', title: { sv: 'Arbetsgruppen utreder' } },
  { id: 'decision', title: { sv: 'Beslut' } },
  { id: 'reality', title: { sv: 'Verklighet' }, final: true },
  { id: 'declined', title: { sv: 'Går inte vidare' }, final: true },
];

describe('case workflow', () => {
  it('when a definition has no workflow, then cases go received → in progress → decided → closed', () => {
    expect(workflowOf({}).map((s) => s.id)).toEqual(['received', 'in-progress', 'decided', 'closed']);
    expect(workflowOf({ workflow: [] }).map((s) => s.id)).toEqual(['received', 'in-progress', 'decided', 'closed']);
    expect(initialStop({ workflow: journey }).id).toBe('received');
  });

  it('when a case is on the journey, then it may move forward, back, or leave at a final stop, but not stay', () => {
    expect(allowedMoves(journey, 'investigating').map((s) => s.id)).toEqual(['received', 'decision', 'reality', 'declined']);
    expect(refusedMove(journey, 'received', 'investigating')).toBeNull();
    expect(refusedMove(journey, 'decision', 'received')).toBeNull();
    expect(refusedMove(journey, 'received', 'received')).toBe('same-stop');
    expect(refusedMove(journey, 'received', 'nowhere')).toBe('unknown-stop');
  });

  it('when a case is at a final stop, then it can be reopened but not moved to another final stop', () => {
    expect(allowedMoves(journey, 'declined').map((s) => s.id)).toEqual(['received', 'investigating', 'decision']);
    expect(refusedMove(journey, 'declined', 'reality')).toBe('final-to-final');
  });
});
