import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finding — or obtaining — a Chromium for the browser journey, so that `npm install && npm test`
 * passes on a fresh machine where nobody installed a browser. Order:
 *   1. `CHROMIUM_PATH` when set (an explicit choice: a wrong path is an error, not a fallback);
 *   2. the usual system paths (Debian's `chromium`, Ubuntu's `chromium-browser`, Google Chrome, …);
 *   3. a browser Playwright's installer put in its cache earlier;
 *   4. on Debian as root: `apt-get update && apt-get install -y chromium`;
 *   5. elsewhere: Playwright's installer (`playwright-core install chromium`), where a network allows;
 *   6. otherwise ONE line saying how to get one.
 * Every effect (the file system, the platform, running installers) comes in through `ChromiumDeps`
 * so the unit tests walk every branch without touching the machine's browser.
 */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const HOW_TO_GET_CHROMIUM =
  'No Chromium for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; elsewhere: `npx playwright-core install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable, then run `npm test` again.';

export interface RunResult { ok: boolean; output: string }

export interface ChromiumDeps {
  env: Record<string, string | undefined>;
  candidates: readonly string[];
  /** true when `path` is an executable file */
  isExecutable: (path: string) => boolean;
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** Debian or a derivative with apt-get (the package is called `chromium` there) */
  isDebian: () => boolean;
  run: (command: string, args: string[], env?: Record<string, string>) => Promise<RunResult>;
  /** where Playwright's installer puts its Chromium, if playwright-core is there */
  playwrightChromium: () => string | undefined;
  /** the command line of Playwright's installer: [node, cli.js] */
  playwrightInstaller: () => [string, ...string[]] | undefined;
  log: (line: string) => void;
}

/** The failure the suite reports: its message is the one line a person needs. */
export class ChromiumUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumUnavailable';
    this.stack = message; // vitest prints the stack of a failed global setup: keep it one line
  }
}

/** A browser already on the machine, or undefined. A CHROMIUM_PATH that is not executable throws. */
export function findChromium(deps: ChromiumDeps): string | undefined {
  const chosen = deps.env.CHROMIUM_PATH?.trim();
  if (chosen) {
    if (deps.isExecutable(chosen)) return chosen;
    throw new ChromiumUnavailable(`CHROMIUM_PATH=${chosen} is not an executable file: point it at a Chromium or Chrome binary, or unset it to let the browser tests find or install one.`);
  }
  const found = deps.candidates.find((p) => deps.isExecutable(p));
  if (found) return found;
  const cached = deps.playwrightChromium();
  return cached && deps.isExecutable(cached) ? cached : undefined;
}

/** Finds a browser, or installs one where this machine allows it; throws ChromiumUnavailable otherwise. */
export async function ensureChromium(deps: ChromiumDeps): Promise<string> {
  const found = findChromium(deps);
  if (found) return found;

  if (deps.platform === 'linux' && deps.isRoot && deps.isDebian()) {
    deps.log('browser tests: no Chromium found; installing Debian\'s chromium (apt-get update && apt-get install -y chromium, ~1 min)…');
    const update = await deps.run('apt-get', ['update', '-qq']);
    const install = update.ok
      ? await deps.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' })
      : update;
    const installed = findChromium(deps);
    if (installed) return installed;
    deps.log(`browser tests: apt-get could not install chromium (${lastLine(install.output)})`);
  }

  const installer = deps.playwrightInstaller();
  if (installer) {
    deps.log('browser tests: no Chromium found; trying Playwright\'s installer (downloads a Chromium build)…');
    const [command, ...args] = installer;
    const result = await deps.run(command, [...args, 'install', 'chromium']);
    const installed = findChromium(deps);
    if (installed) return installed;
    deps.log(`browser tests: Playwright's installer could not install Chromium (${lastLine(result.output)})`);
  }
  throw new ChromiumUnavailable(HOW_TO_GET_CHROMIUM);
}

function lastLine(output: string): string {
  const lines = output.trim().split('\n').filter(Boolean);
  return (lines.at(-1) ?? 'no output').slice(0, 200);
}

/** The real machine. */
export function systemDeps(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): ChromiumDeps {
  const require = createRequire(import.meta.url);
  const playwrightDir = (() => {
    try { return dirname(require.resolve('playwright-core/package.json')); } catch { return undefined; }
  })();
  return {
    env: process.env,
    candidates: SYSTEM_CHROMIUM_PATHS,
    isExecutable: (path) => {
      try { accessSync(path, constants.X_OK); return true; } catch { return false; }
    },
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    isDebian: () => existsSync('/etc/debian_version') && ['/usr/bin/apt-get', '/bin/apt-get'].some((p) => existsSync(p)),
    run: (command, args, env = {}) => new Promise((resolve) => {
      let output = '';
      const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => { output += d; });
      child.stderr.on('data', (d) => { output += d; });
      // A download that hangs behind a firewall must not hang the suite.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
      child.on('error', (e) => { clearTimeout(timer); resolve({ ok: false, output: `${output}\n${e.message}` }); });
      child.on('close', (code) => { clearTimeout(timer); resolve({ ok: code === 0, output }); });
    }),
    playwrightChromium: () => {
      try {
        return (require('playwright-core') as typeof import('playwright-core')).chromium.executablePath();
      } catch { return undefined; }
    },
    playwrightInstaller: () => (playwrightDir ? [process.execPath, join(playwrightDir, 'cli.js')] : undefined),
    log,
  };
}
