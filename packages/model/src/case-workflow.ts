/**
 * Where a case may move along its e-service's workflow. A case worker moves forward to any
 * later stop (a small idea may skip the project stops), back to any earlier one (to correct a
 * mistake), or to any final stop (an idea may leave the journey at the decision); a case at a
 * final stop can be reopened at an earlier stop that is not final.
 */
import { DEFAULT_WORKFLOW } from './definition.ts';
import type { ServiceDefinition, WorkflowStatus } from './definition.ts';

/** The stops of a case of this definition: its own workflow, or received → in progress → decided → closed. */
export function workflowOf(definition: Pick<ServiceDefinition, 'workflow'>): WorkflowStatus[] {
  return definition.workflow !== undefined && definition.workflow.length > 0 ? definition.workflow : DEFAULT_WORKFLOW;
}

/** The stop a new case starts at. */
export function initialStop(definition: Pick<ServiceDefinition, 'workflow'>): WorkflowStatus {
  return workflowOf(definition)[0] ?? DEFAULT_WORKFLOW[0]!;
}

/** The stops a case at `current` may move to, in workflow order. An unknown current stop may move anywhere. */
export function allowedMoves(workflow: readonly WorkflowStatus[], current: string): WorkflowStatus[] {
  const here = workflow.find((stop) => stop.id === current);
  return workflow.filter((stop) => stop.id !== current && !(here?.final === true && stop.final === true));
}

/** Why a move is refused, or null when it is allowed. */
export function refusedMove(workflow: readonly WorkflowStatus[], current: string, to: string): 'unknown-stop' | 'same-stop' | 'final-to-final' | null {
  const target = workflow.find((stop) => stop.id === to);
  if (target === undefined) return 'unknown-stop';
  if (to === current) return 'same-stop';
  return allowedMoves(workflow, current).some((stop) => stop.id === to) ? null : 'final-to-final';
}
