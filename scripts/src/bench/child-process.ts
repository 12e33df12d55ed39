import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '@samform/server/bundle-node';

/** A server running in a child process of the benchmark. */
export interface Child {
  url: string;
  process: ChildProcess;
  /** Ask the child something and wait for its answer (a message holding `key`). */
  ask<T>(message: string, key: string): Promise<T>;
  stop(): Promise<void>;
}

/** Fork `module` (a .ts file next to this one, run under tsx, or a built .js file by its path) and wait until it reports its url; bounded by `timeoutMs`. */
export async function startChild(module: string, env: Record<string, string>, timeoutMs: number): Promise<Child> {
  const file = fileURLToPath(new URL(module, import.meta.url));
  // BENCH_CPU_PROF=<dir> writes a CPU profile of each server process there, to see what holds it back.
  const profile = process.env.BENCH_CPU_PROF === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`];
  // A built server runs with the flags `pnpm start` gives it.
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : SERVER_NODE_FLAGS;
  const child = fork(file, [], { execArgv: [...loader, ...profile], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${module} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message: { url?: string }) => {
      if (message.url !== undefined) {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${module} exited with ${String(code)} before it listened`));
    });
  });
  const ask = <T>(message: string, key: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${module} did not answer ${message}`)), 10_000);
      const listener = (answer: Record<string, unknown>): void => {
        if (!(key in answer)) return;
        clearTimeout(timer);
        child.off('message', listener);
        resolve(answer[key] as T);
      };
      child.on('message', listener);
      child.send(message);
    });
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.send('stop');
    });
  return { url, process: child, ask, stop };
}
