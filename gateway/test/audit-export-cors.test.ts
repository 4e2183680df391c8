import { createServer, type Server } from 'node:http';
import { createTokenVerifier } from '@behorig/kit/auth';
import { buildGateway } from '../src/server';

/**
 * The web client's "export the log" button fetches `/audit/export` at the gateway's address from
 * the web client's origin with an Authorization header: the browser sends a CORS preflight first
 * and reads the answer only when the gateway allows that origin (and no other).
 */
describe('GET /audit/export from the web client (CORS)', () => {
  let signing: Server;
  let gw: Awaited<ReturnType<typeof buildGateway>>;
  let base: string;
  const WEB = 'http://web.example';

  beforeAll(async () => {
    // Stands in for the signing service: answers the export as JSON Lines.
    signing = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="audit-x.jsonl"' });
      res.end(`${JSON.stringify({ seq: 1, path: req.url, auth: req.headers.authorization ?? null })}\n`);
    });
    await new Promise<void>((r) => signing.listen(0, '127.0.0.1', () => r()));
    const { port } = signing.address() as { port: number };
    gw = await buildGateway({
      verify: createTokenVerifier({ jwks: { keys: [] } }),
      subgraphUrls: { organisations: 'http://127.0.0.1:9/graphql', access: 'http://127.0.0.1:9/graphql', signing: 'http://127.0.0.1:9/graphql' },
      signingBaseUrl: `http://127.0.0.1:${port}`,
      webOrigin: [WEB],
      rateLimits: false,
    });
    base = await gw.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await gw.stop();
    await new Promise((r) => signing.close(() => r(undefined)));
  });

  it('answers the preflight for the web origin, allowing the Authorization header', async () => {
    const res = await fetch(`${base}/audit/export?organisationId=x`, {
      method: 'OPTIONS',
      headers: { origin: WEB, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(res.headers.get('access-control-allow-headers') ?? '').toMatch(/authorization/i);
  });

  it('the GET passes the token on and lets the web origin read the answer and its file name', async () => {
    const res = await fetch(`${base}/audit/export?organisationId=x`, { headers: { origin: WEB, authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(res.headers.get('access-control-expose-headers') ?? '').toMatch(/content-disposition/i);
    expect(JSON.parse((await res.text()).trim())).toMatchObject({ seq: 1, auth: 'Bearer t', path: '/audit/export?organisationId=x' });
  });

  it('another origin is not allowed to read it', async () => {
    const res = await fetch(`${base}/audit/export?organisationId=x`, { headers: { origin: 'http://evil.example', authorization: 'Bearer t' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
