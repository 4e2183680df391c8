/** `npm run soak -- --minutes 5 | --seconds 20 [--workers 8]`. */
export interface SoakOptions {
  /** How long the load runs (the start-up, the drain and the checks come on top). */
  durationMs: number;
  /** Concurrent load workers (each waits for its answer before its next request). */
  workers: number;
  /** Hard client-side deadline of every request. */
  requestTimeoutMs: number;
  /** A PostgreSQL server to create the fresh database on; none = an embedded server in a temp dir. */
  databaseServerUrl?: string;
  /** How long the system may take to start (tsx compiles every service; a busy CI machine is slow). */
  startTimeoutMs?: number;
  /** Where progress goes (the CLI prints; the test collects). */
  log: (line: string) => void;
}

export function parseArgs(argv: readonly string[]): { minutes?: number; seconds?: number; workers?: number } {
  const out: { minutes?: number; seconds?: number; workers?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => {
      const raw = inline ?? argv[++i];
      const n = Number(raw);
      if (raw === undefined || !Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number (got ${raw ?? 'nothing'})`);
      return n;
    };
    if (flag === '--minutes') out.minutes = value();
    else if (flag === '--seconds') out.seconds = value();
    else if (flag === '--workers') out.workers = Math.round(value());
    else if (flag === '--') continue;
    else throw new Error(`Unknown argument ${argv[i]} (use --minutes N, --seconds N, --workers N)`);
  }
  return out;
}

export function durationFrom(args: { minutes?: number; seconds?: number }): number {
  if (args.seconds !== undefined) return args.seconds * 1000;
  return (args.minutes ?? 5) * 60_000;
}
