import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The repository stands alone: a clone has nothing beside it, so README, docs and code link only
 * to files inside it, and comments explain *why* with rule ids (docs/domain.md) or docs/ pages —
 * never with tracker numbers or names of documents a reader of the clone cannot open.
 */
const root = resolve(__dirname, '..', '..', '..');
const TEXT = /\.(ts|tsx|js|mjs|cjs|md|graphql|json|yml|yaml|sh|html|css)$|(^|\/)(Dockerfile|run)$/;
const SKIP = /(^|\/)(node_modules|\.data|\.git|dist|test-results|coverage)\//;

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    // Not a git checkout (an unpacked archive): walk the tree instead.
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        const rel = relative(root, full);
        if (SKIP.test(`${rel}/`)) continue;
        if (statSync(full).isDirectory()) walk(full);
        else out.push(rel);
      }
    };
    walk(root);
    return out;
  }
}

const files = trackedFiles().filter((f) => TEXT.test(f) && !SKIP.test(f) && f !== 'package-lock.json' && existsSync(join(root, f)));
const read = (f: string) => readFileSync(join(root, f), 'utf8');

// Built from pieces so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\./', 'shared', '|', '/work/', 'shared'].join(''));
// A relative climb into a folder of that name, resolved against the file that names it.
const RELATIVE = new RegExp(['((?:\\.\\./)+', 'shared', ')\\b'].join(''), 'g');
const CITATIONS: Array<[string, RegExp]> = [
  ['an issue number', new RegExp(['\\b', 'issue', 's?\\s*#?\\d+'].join(''), 'i')],
  ['a house-style number', new RegExp(['house', '[ -]style\\s*\\d+'].join(''), 'i')],
  ['a document outside the repository', new RegExp(['\\b(', 'interfaces', '|', 'CONTRACT', '|', 'DOMAIN', '|', 'STACK-NOTES', ')\\.md\\b'].join(''))],
];

function offences(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const f of files) {
    read(f).split('\n').forEach((line, i) => {
      if (pattern.test(line)) found.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  return found;
}

describe('the repository stands alone', () => {
  it('finds the files it checks (README, docs, sources)', () => {
    expect(files).toContain('README.md');
    expect(files.filter((f) => f.endsWith('.ts')).length).toBeGreaterThan(100);
  });

  it('nothing links to or mentions a folder beside the clone', () => {
    // A relative path into a folder of that name *inside* the repository (a module's own
    // `../shared/db` import) is fine: only a path that resolves outside the clone offends.
    const escapes = (f: string, line: string) =>
      /\/work\//.test(line) || [...line.matchAll(RELATIVE)].some((m) => !resolve(root, dirname(f), m[1]).startsWith(`${root}/`));
    expect(offences(OUTSIDE).filter((o) => {
      const [f, , ...rest] = o.split(':');
      return escapes(f, rest.join(':'));
    })).toEqual([]);
  });

  it('the outside-the-clone check still catches a path that climbs out of the repository', () => {
    const climbing = ['../../..', '/', 'shared', '/DOMAIN'].join('');
    const [m] = [...`see ${climbing}`.matchAll(RELATIVE)];
    expect(resolve(root, 'docs', m[1]).startsWith(`${root}/`)).toBe(false);
    expect(OUTSIDE.test(climbing)).toBe(true);
  });

  it.each(CITATIONS)('no file cites %s (say why, or cite a rule id or docs/)', (_what, pattern) => {
    expect(offences(pattern)).toEqual([]);
  });

  it('every relative link in a Markdown file points at a file or folder in the repository', () => {
    const broken: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      for (const [, target] of read(f).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const path = decodeURIComponent(target.split('#')[0]);
        const full = resolve(join(root, dirname(f)), path);
        if (!full.startsWith(root) || !existsSync(full)) broken.push(`${f}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every rule id cited in code, tests or docs is defined in docs/domain.md', () => {
    const defined = new Set([...read('docs/domain.md').matchAll(/\*\*(R-[A-Z]+-\d+[a-z]?)\*\*/g)].map((m) => m[1]));
    expect(defined.size).toBeGreaterThan(50);
    const undefinedIds = new Set<string>();
    for (const f of files) for (const [id] of read(f).matchAll(/\bR-[A-Z]+-\d+[a-z]?\b/g)) if (!defined.has(id)) undefinedIds.add(`${id} (${f})`);
    expect([...undefinedIds]).toEqual([]);
  });
});
