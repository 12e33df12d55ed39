/** How a goal compares the measured ratio (or value) with its bound. */
export type Goal =
  /** Samform / baseline must be at least `bound` (throughput). */
  | { kind: 'ratio-at-least'; bound: number }
  /** Samform / baseline must be at most `bound` (sizes, times). */
  | { kind: 'ratio-at-most'; bound: number }
  /** The Samform figure itself must be below `bound` (in the row's unit). */
  | { kind: 'value-below'; bound: number; unit: string }
  /** A yes/no fact the row reports (e.g. "no eval"). */
  | { kind: 'holds'; description: string }
  /** Reported for information only. */
  | { kind: 'none' };

/** One measured figure with its baseline. */
export interface Row {
  measurement: string;
  /** The Samform figure; NaN when it could not be measured. */
  samform: number;
  /** The baseline figure measured in the same run, when there is one. */
  baseline?: number;
  unit: string;
  goal: Goal;
  /** For `holds` goals: whether it held. */
  holds?: boolean;
  /** Free text shown after the figure (e.g. "p50 3 ms"). */
  note?: string;
}

/** Samform / baseline, or undefined without a usable baseline. */
export function ratioOf(row: Row): number | undefined {
  if (row.baseline === undefined || !Number.isFinite(row.baseline) || row.baseline === 0 || !Number.isFinite(row.samform)) return undefined;
  return row.samform / row.baseline;
}

/** Whether the row meets its goal: true, false, or undefined when it has none or cannot tell. */
export function goalMet(row: Row): boolean | undefined {
  const { goal } = row;
  switch (goal.kind) {
    case 'none':
      return undefined;
    case 'holds':
      return row.holds;
    case 'value-below':
      return Number.isFinite(row.samform) ? row.samform < goal.bound : false;
    case 'ratio-at-least': {
      const ratio = ratioOf(row);
      return ratio === undefined ? false : ratio >= goal.bound;
    }
    case 'ratio-at-most': {
      const ratio = ratioOf(row);
      return ratio === undefined ? false : ratio <= goal.bound;
    }
  }
}

/** The goal as the table shows it. */
export function describeGoal(goal: Goal): string {
  switch (goal.kind) {
    case 'none':
      return '–';
    case 'holds':
      return goal.description;
    case 'value-below':
      return `< ${formatNumber(goal.bound)} ${goal.unit}`;
    case 'ratio-at-least':
      return `ratio ≥ ${goal.bound}`;
    case 'ratio-at-most':
      return `ratio ≤ ${goal.bound}`;
  }
}

/** A figure with sensible precision: 3 significant digits below 100, whole numbers above. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const magnitude = Math.abs(value);
  if (magnitude >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function figure(value: number | undefined, unit: string): string {
  if (value === undefined) return '–';
  return unit === '' ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}

// A pipe inside a cell would split it into two columns.
const cell = (text: string): string => text.replaceAll('|', '\\|');

/** The one markdown table `pnpm bench` prints: measurement | Samform | baseline | ratio | goal | met?. */
export function formatTable(rows: readonly Row[]): string {
  const lines = ['| measurement | Samform | baseline | ratio | goal | met? |', '|---|---:|---:|---:|---|:---:|'];
  for (const row of rows) {
    const ratio = ratioOf(row);
    const met = goalMet(row);
    const samform = row.goal.kind === 'holds' && !Number.isFinite(row.samform) ? (row.holds ? 'yes' : 'no') : figure(row.samform, row.unit);
    lines.push(
      `| ${[
        cell(row.measurement),
        cell(row.note === undefined ? samform : `${samform} (${row.note})`),
        cell(figure(row.baseline, row.unit)),
        ratio === undefined ? '–' : ratio.toFixed(2),
        cell(describeGoal(row.goal)),
        met === undefined ? '–' : met ? 'yes' : '**no**',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
