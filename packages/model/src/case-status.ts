/** What a citizen sees of a case: its stop on the journey and the events meant for them. */
import type { LocalText } from './definition.ts';

/** One stop of the journey as the citizen's page lists it. */
export interface CitizenStop {
  id: string;
  title: LocalText;
  /** Passed (before the current stop), current, or still ahead. */
  state: 'passed' | 'current' | 'ahead';
}

/** An event the citizen may see: a move to a stop (with the case worker's message) or a message. */
export type CitizenCaseEvent =
  | { kind: 'status'; at: string; title: LocalText; message?: string }
  | { kind: 'message'; at: string; text: string };

/** A case as its citizen follows it, on the receipt page and behind the status link. */
export interface CitizenCaseStatus {
  reference: string;
  receivedAt: string;
  /** The current stop. */
  current: { id: string; title: LocalText; final: boolean };
  /** The journey: the stops that are not final, and the current one when it is final. */
  stops: CitizenStop[];
  /** Oldest first; the receipt itself is the first entry. */
  history: CitizenCaseEvent[];
  /** The status link's path (no language), e.g. `/t/ostersund/status/{token}`. */
  statusPath: string;
}
