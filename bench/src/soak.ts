import { runSoak } from './soak/run';
import { durationFrom, parseArgs } from './soak/options';
import { soakEnv } from './soak/env';

/**
 * `npm run soak -- --minutes 5`: the whole system on a fresh database under mixed
 * read/write load for the given time, then the checks (zero 5xx, audit chains verify, counts
 * match, memory flat). Exits 0 only when every check passed; Ctrl-C stops everything it started.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) return;
    process.stdout.write('\nsoak: interrupted, stopping…\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const report = await runSoak({
    durationMs: durationFrom(args),
    workers: args.workers ?? 8,
    requestTimeoutMs: 15_000,
    databaseServerUrl: soakEnv.DATABASE_URL,
    log: (l) => process.stdout.write(`${l}\n`),
  }, controller.signal);
  process.exit(report.aborted ? 130 : report.ok ? 0 : 1);
}

main().catch((e) => {
  process.stderr.write(`soak: ${e instanceof Error ? e.stack ?? e.message : e}\n`);
  process.exit(1);
});
