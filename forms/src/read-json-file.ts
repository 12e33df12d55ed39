import { readFile } from 'node:fs/promises';
import type { FormProblem } from './form-problem.ts';

/** The parsed JSON of a file, or the problem that stops it from being read. */
export async function readJsonFile(file: string): Promise<{ value: unknown } | { problem: FormProblem }> {
  const text = await readFile(file, 'utf8');
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    // V8 may quote the text around the mistake, line breaks included; one line reads better.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    return { problem: { pointer: '', message: `not valid JSON: ${message}${lineAndColumn(text, message)}` } };
  }
}

/** " (line L, column C)" from V8's "at position N", so an author finds the spot. */
function lineAndColumn(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const lines = before.split('\n');
  return ` (line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1})`;
}
