#!/usr/bin/env node
// A small HTTP load balancer for `npm start -- --replicas N` (what a Kubernetes Service does in
// production, docs/deploy.md): round-robin over the replicas; a replica that refuses or drops the
// connection before answering is skipped for a second and the request goes to the next one. Bodies
// are buffered (GraphQL requests are small, ≤ 1 MB), so a request that never reached a replica can
// be sent again safely; one that reached a replica and lost its answer is NOT retried (502), since
// it may have been applied.
//
//   node scripts/balancer.mjs <port> <upstream-url> [<upstream-url> …]
import http from 'node:http';

export function createBalancer({ upstreams, downForMs = 1000, log = () => {} }) {
  const targets = upstreams.map((u) => ({ url: new URL(u), downUntil: 0 }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const pick = (tried) => {
    const now = Date.now();
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(next + i) % targets.length];
      if (!tried.has(t) && t.downUntil <= now) { next = (next + i + 1) % targets.length; return t; }
    }
    return targets.find((t) => !tried.has(t));
  };

  return http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 1_100_000) { res.writeHead(413).end(); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const tried = new Set();
      const attempt = () => {
        const target = pick(tried);
        if (!target) {
          if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":"no replica answers"}');
          return;
        }
        tried.add(target);
        let connected = false;
        const up = http.request({
          host: target.url.hostname, port: target.url.port, method: req.method, path: req.url, agent,
          headers: { ...req.headers, 'content-length': String(body.length), 'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ') },
        }, (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
          upRes.on('error', () => res.destroy());
        });
        up.on('socket', (s) => {
          if (!s.connecting) connected = true;
          else s.once('connect', () => { connected = true; });
        });
        up.on('error', (e) => {
          target.downUntil = Date.now() + downForMs;
          // Never reached the replica (connection refused): safe to send to the next one. Once
          // connected the outcome is unknown (it may have committed): 502, no retry.
          const safe = !connected;
          log(`${target.url.host}: ${e.code ?? e.message}${safe ? ', trying the next replica' : ''}`);
          if (safe && !res.headersSent) return attempt();
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"the replica failed while answering"}');
          else res.destroy();
        });
        up.end(body);
      };
      attempt();
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, ...upstreams] = process.argv.slice(2);
  if (!port || !upstreams.length) {
    console.error('usage: node scripts/balancer.mjs <port> <upstream-url> [<upstream-url> …]');
    process.exit(2);
  }
  const server = createBalancer({ upstreams, log: (m) => console.log(m) });
  server.listen(Number(port), '0.0.0.0', () => console.log(JSON.stringify({ level: 30, msg: 'balancer ready', url: `http://localhost:${server.address().port}`, upstreams })));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
