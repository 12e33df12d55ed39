/** What the server answers on an accepted submission (201), and what the receipt page shows. */
export interface Receipt {
  id: string;
  /** Short reference for the citizen, e.g. `K7M2-9QX4`. */
  reference: string;
  /** ISO time of receipt, the legal time the case reached the municipality. */
  receivedAt: string;
  version: number;
  queue: string;
}
