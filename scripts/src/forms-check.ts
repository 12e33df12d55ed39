/**
 * `pnpm forms:check [dir]`: load every file of forms/ (or `dir`) as the server would, print
 * one line per file, and exit 1 when any file has a problem, so a broken form never ships.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkForms, FORMS_DIR } from '@samform/forms';

/** Check the forms folder `dir`, writing the report line by line; answers the exit code. */
export async function formsCheck(dir: string, write: (line: string) => void): Promise<number> {
  const { reports, catalogue } = await checkForms(dir);
  const display = (file: string): string => {
    const rel = relative(process.cwd(), file);
    return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  };
  let broken = 0;
  for (const report of reports) {
    if (report.problems.length === 0) {
      write(`ok  ${display(report.file)}`);
      continue;
    }
    broken += 1;
    write(`err ${display(report.file)}`);
    for (const p of report.problems) write(`    ${p.pointer === '' ? '(whole file)' : p.pointer}: ${p.message}`);
  }
  if (catalogue) {
    write(`\n${catalogue.services.length} e-services of ${catalogue.tenants.length} tenants: all ok`);
    return 0;
  }
  write(`\n${broken} file(s) with problems`);
  return 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? FORMS_DIR);
  formsCheck(dir, (line) => console.log(line)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
