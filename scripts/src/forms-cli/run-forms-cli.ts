import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMS_DIR } from '@samform/forms';
import { formsCheck } from '../forms-check.ts';
import { exportForms } from './export-forms.ts';
import { publishForms } from './publish-forms.ts';
import { signIn, SignInError } from './samform-session.ts';

/** How to call the CLI, printed on a wrong call. */
export const USAGE = `usage:
  pnpm forms check [dir]
  pnpm forms publish <dir> --url http://localhost:3000 --user <tenant>.designer --password <password>
  pnpm forms export <tenant> <dir> --url http://localhost:3000 --user <tenant>.designer --password <password>
The password may instead be given in SAMFORM_PASSWORD, which keeps it out of the process list.`;

/**
 * `pnpm forms <command>`: check a forms folder, publish one to a running Samform, or export a
 * tenant's e-services back to files. Writes its report line by line; answers the exit code.
 */
export async function runFormsCli(argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;

  if (command === 'check' && args.length <= 1) return formsCheck(resolve(args[0] ?? FORMS_DIR), write);

  const remote = command === 'publish' ? args.length === 1 : command === 'export' ? args.length === 2 : false;
  if (!remote) {
    write(USAGE);
    return 2;
  }
  const password = values.password ?? env.SAMFORM_PASSWORD;
  if (values.user === undefined || password === undefined) {
    write(`--user and --password (or SAMFORM_PASSWORD) are needed\n${USAGE}`);
    return 2;
  }
  let session;
  try {
    session = await signIn(values.url, values.user, password);
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    write(error.message);
    return 1;
  }
  if (command === 'publish') return publishForms(resolve(args[0]!), session, write);
  return exportForms(args[0]!, resolve(args[1]!), session, write);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string', default: 'http://localhost:3000' },
      user: { type: 'string' },
      password: { type: 'string' },
    },
  });
}
