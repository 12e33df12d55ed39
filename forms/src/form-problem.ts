/** One thing wrong with one file under forms/, located by a JSON Pointer into that file. */
export interface FormProblem {
  /** JSON Pointer into the file ("" for the whole file). */
  pointer: string;
  message: string;
}

/** The problems of one file (or tenant folder); empty `problems` means the file is fine. */
export interface FormFileReport {
  /** Absolute path of the file or folder. */
  file: string;
  problems: FormProblem[];
}

/** Escape one reference token of a JSON Pointer (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON Pointer from its reference tokens. */
export function pointerOf(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${pointerToken(t)}`).join('');
}

/** Thrown by `loadForms` when any file under forms/ has a problem; names file and pointer. */
export class FormsError extends Error {
  constructor(readonly reports: FormFileReport[]) {
    super(describeReports(reports));
    this.name = 'FormsError';
  }
}

/** One line per problem: `<file>: <pointer>: <message>` (the pointer is left out when empty). */
export function describeReports(reports: FormFileReport[], display: (file: string) => string = (f) => f): string {
  return reports
    .flatMap((r) => r.problems.map((p) => `${display(r.file)}: ${p.pointer === '' ? '' : `${p.pointer}: `}${p.message}`))
    .join('\n');
}
