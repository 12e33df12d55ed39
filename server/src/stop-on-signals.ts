import type { Logger } from 'pino';

/**
 * On SIGTERM or SIGINT, run `stop` once (finish what is in hand, close the store) and exit 0,
 * or 1 when stopping fails. A second signal while stopping is ignored, not a hard exit: the
 * work in hand is a citizen's case.
 */
export function stopOnSignals(logger: Logger, what: string, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${what} shutting down`);
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
