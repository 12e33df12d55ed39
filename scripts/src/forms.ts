/**
 * `pnpm forms <command>`: forms as code. `check [dir]` checks a forms folder, `publish <dir>`
 * publishes it to a running Samform, `export <tenant> <dir>` writes a tenant's e-services back.
 */
import { runFormsCli } from './forms-cli/run-forms-cli.ts';

runFormsCli(process.argv.slice(2), (line) => console.log(line)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
