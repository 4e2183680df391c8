// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ChromiumUnavailable, HOW_TO_GET_CHROMIUM, SYSTEM_CHROMIUM_PATHS, ensureChromium, findChromium, systemDeps, type ChromiumDeps, type RunResult } from './chromium';

/**
 * The browser suite on a fresh machine: every branch of finding or obtaining Chromium, with the
 * machine replaced by a fake (the real browser is never uninstalled). The fake's installers
 * "install" by adding a file to the fake file system, as apt-get and Playwright's installer do.
 */
function machine(over: Partial<ChromiumDeps> & { files?: string[]; aptInstalls?: string; playwrightInstalls?: string } = {}) {
  const files = new Set(over.files ?? []);
  const calls: string[] = [];
  const logs: string[] = [];
  const deps: ChromiumDeps = {
    env: {},
    candidates: ['/usr/bin/chromium', '/usr/bin/google-chrome'],
    isExecutable: (p) => files.has(p),
    platform: 'linux',
    isRoot: false,
    isDebian: () => true,
    run: async (command, args, env): Promise<RunResult> => {
      calls.push([command, ...args].join(' ') + (env?.DEBIAN_FRONTEND ? ` [${env.DEBIAN_FRONTEND}]` : ''));
      if (command === 'apt-get' && args[0] === 'install') {
        if (over.aptInstalls) { files.add(over.aptInstalls); return { ok: true, output: 'Setting up chromium' }; }
        return { ok: false, output: 'E: Unable to locate package chromium' };
      }
      if (command === 'apt-get') return { ok: true, output: '' };
      if (args.includes('install')) {
        if (over.playwrightInstalls) { files.add(over.playwrightInstalls); return { ok: true, output: 'downloaded' }; }
        return { ok: false, output: 'Error: getaddrinfo ENOTFOUND cdn.playwright.dev' };
      }
      return { ok: false, output: 'unexpected' };
    },
    playwrightChromium: () => '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome',
    playwrightInstaller: () => ['/usr/bin/node', '/repo/node_modules/playwright-core/cli.js'],
    log: (l) => logs.push(l),
    ...over,
  };
  return { deps, calls, logs, files };
}

describe('finding Chromium for the browser suite', () => {
  it('uses CHROMIUM_PATH when it names an executable, before any system path', () => {
    const { deps } = machine({ env: { CHROMIUM_PATH: '/opt/my/chrome' }, files: ['/opt/my/chrome', '/usr/bin/chromium'] });
    expect(findChromium(deps)).toBe('/opt/my/chrome');
  });

  it('refuses a CHROMIUM_PATH that is not executable with one line naming it (no silent fallback)', () => {
    const { deps } = machine({ env: { CHROMIUM_PATH: '/nope/chrome' }, files: ['/usr/bin/chromium'] });
    expect(() => findChromium(deps)).toThrow(ChromiumUnavailable);
    expect(() => findChromium(deps)).toThrow(/^CHROMIUM_PATH=\/nope\/chrome is not an executable file/);
  });

  it('takes the first system path that exists, in the listed order', () => {
    expect(findChromium(machine({ files: ['/usr/bin/google-chrome'] }).deps)).toBe('/usr/bin/google-chrome');
    expect(findChromium(machine({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }).deps)).toBe('/usr/bin/chromium');
  });

  it('falls back to a Chromium that Playwright\'s installer put in its cache earlier', () => {
    const { deps } = machine({ files: ['/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'] });
    expect(findChromium(deps)).toBe('/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome');
  });

  it('finds nothing on an empty machine', () => {
    expect(findChromium(machine().deps)).toBeUndefined();
  });

  it('lists the usual Linux, macOS and Windows locations, Debian\'s first', () => {
    expect(SYSTEM_CHROMIUM_PATHS[0]).toBe('/usr/bin/chromium');
    expect(SYSTEM_CHROMIUM_PATHS).toEqual(expect.arrayContaining(['/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']));
  });
});

describe('obtaining Chromium when none is found', () => {
  it('installs nothing when a browser is there', async () => {
    const { deps, calls } = machine({ files: ['/usr/bin/chromium'], isRoot: true });
    await expect(ensureChromium(deps)).resolves.toBe('/usr/bin/chromium');
    expect(calls).toEqual([]);
  });

  it('on Debian as root: apt-get update, then apt-get install -y chromium (non-interactive), then uses it', async () => {
    const { deps, calls, logs } = machine({ isRoot: true, aptInstalls: '/usr/bin/chromium' });
    await expect(ensureChromium(deps)).resolves.toBe('/usr/bin/chromium');
    expect(calls).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends chromium [noninteractive]']);
    expect(logs.join('\n')).toMatch(/installing Debian's chromium/);
  });

  it('not root on Debian: does not try apt-get, uses Playwright\'s installer', async () => {
    const cached = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
    const { deps, calls } = machine({ isRoot: false, playwrightInstalls: cached });
    await expect(ensureChromium(deps)).resolves.toBe(cached);
    expect(calls).toEqual(['/usr/bin/node /repo/node_modules/playwright-core/cli.js install chromium']);
  });

  it('on macOS: Playwright\'s installer', async () => {
    const cached = '/Users/x/Library/Caches/ms-playwright/chromium-1/chrome-mac/Chromium.app/Contents/MacOS/Chromium';
    const { deps, calls } = machine({ platform: 'darwin', isRoot: true, isDebian: () => false, playwrightChromium: () => cached, playwrightInstalls: cached });
    await expect(ensureChromium(deps)).resolves.toBe(cached);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/cli\.js install chromium$/);
  });

  it('apt-get fails (no package, no network): tries Playwright\'s installer next', async () => {
    const cached = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
    const { deps, calls, logs } = machine({ isRoot: true, playwrightInstalls: cached });
    await expect(ensureChromium(deps)).resolves.toBe(cached);
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['apt-get', 'apt-get', '/usr/bin/node']);
    expect(logs.join('\n')).toMatch(/apt-get could not install chromium \(E: Unable to locate package chromium\)/);
  });

  it('nothing works (offline, not root): fails with ONE line that says how', async () => {
    const { deps } = machine();
    const error = await ensureChromium(deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChromiumUnavailable);
    const message = (error as Error).message;
    expect(message).toBe(HOW_TO_GET_CHROMIUM);
    expect(message).not.toContain('\n');
    expect((error as Error).stack).toBe(message);
    expect(message).toMatch(/apt-get install -y chromium/);
    expect(message).toMatch(/playwright-core install chromium/);
    expect(message).toMatch(/CHROMIUM_PATH/);
  });

  it('no playwright-core and no apt: the same one line', async () => {
    const { deps, calls } = machine({ isDebian: () => false, playwrightInstaller: () => undefined });
    await expect(ensureChromium(deps)).rejects.toThrow(HOW_TO_GET_CHROMIUM);
    expect(calls).toEqual([]);
  });
});

describe('the real machine', () => {
  it('systemDeps finds this machine\'s browser and points at Playwright\'s own installer', () => {
    const deps = systemDeps(() => {});
    const installer = deps.playwrightInstaller();
    expect(installer?.[1]).toMatch(/playwright-core[/\\]cli\.js$/);
    // These machines have Chromium (CI installs one before the suite when it is missing).
    const found = findChromium({ ...deps, env: {} });
    if (found) expect(deps.isExecutable(found)).toBe(true);
    expect(deps.isExecutable('/definitely/not/here')).toBe(false);
  });
});
