import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { generateSigningKeyJwk, mintToken, signingKeyFromJwk, type SigningKey } from '@behorig/kit/auth';
import { createReceiptVerifier } from '@behorig/kit/receipt';
import { gqlRequest } from '@behorig/kit/testing';
import { decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { appendAuditEvents } from '../src/modules/audit/audit.service';
import { verifyExport } from '../src/modules/audit/rules/export-verification';
import { BankIdClient } from '../src/bankid';
import { buildServer } from '../src/server';
import { dorotea, person, startHarness, type Harness } from './support/harness';

const arvid = person('Arvid');
const POLL = `query($ref: ID!) { signingOrder(orderRef: $ref) { status applyResult receipt { id token } } }`;

/**
 * Key rotation without downtime: a second replica starts with a new key while the first still
 * runs (a rolling restart). Both keys are published from then on, for good.
 */
describe('signing key rotation', () => {
  let h: Harness;
  let b: Awaited<ReturnType<typeof buildServer>>;
  let bUrl: string;
  let keyB: SigningKey;
  let bankId: BankIdClient;
  beforeAll(async () => {
    h = await startHarness({ checkpointSeconds: 3600 });
    keyB = await signingKeyFromJwk(await generateSigningKeyJwk());
    keyB = { ...keyB, kid: `${keyB.kid}-b`, publicJwk: { ...keyB.publicJwk, kid: `${keyB.kid}-b` } };
    bankId = new BankIdClient({ baseUrl: h.sim!.rpUrl, ca: h.sim!.ca, cert: h.sim!.clientCert, key: h.sim!.clientKey, timeoutMs: 5000 });
  });
  afterAll(async () => {
    await b?.stop();
    bankId.close();
    await h.stop();
  });

  const tokenA = (ttl = 3600) => mintToken(h.keys.key, { kind: 'person', personId: arvid.id }, ttl).then((t) => t.token);
  const tolvanA = () => mintToken(h.keys.key, { kind: 'person', personId: null, authority: true }).then((t) => t.token);
  async function sign(base: string, token: string, collect: () => Promise<number>) {
    const res = await fetch(`${base}/internal/sign-orders`, {
      method: 'POST', headers: await h.serviceKeys.credentials('access').headers('signing', { authorization: `Bearer ${token}` }),
      body: JSON.stringify({ organisationId: dorotea, changeSetId: randomUUID(), digest: 'd', endUserIp: '127.0.0.1', userVisibleData: 'Ny användare: Andrea Sandin' }),
    });
    if (res.status !== 200) throw new Error(`sign order: ${res.status} ${await res.text()}`);
    const { orderRef } = (await res.json()) as { orderRef: string };
    await h.control(`/simulator/orders/${orderRef}/complete`, { personalNumber: arvid.personalNumber });
    await collect();
    return (await gqlRequest(`${base}/graphql`, POLL, { ref: orderRef }, token)).data.signingOrder.receipt as { id: string; token: string };
  }
  const events = (org: string, from: number, to: number) => h.signing.orm.em.fork().transactional((tx) => appendAuditEvents(tx, Array.from({ length: to - from + 1 }, (_, k) => ({
    organisationId: org, at: new Date(Date.UTC(2026, 0, 1, 0, from + k)), actor: 'service:test', actorPersonId: null, action: 'x', target: `t:${from + k}`,
    before: null, after: null, source: 'access', sourceId: `${org}:${from + k}`, receiptId: null,
  }))));

  it('rotates: old and new receipts, checkpoints and unexpired old tokens verify; expired ones do not; the JWKS keeps both keys', async () => {
    // Before: key A signs a receipt, a checkpoint and tokens.
    const receiptA = await sign(h.base, await tokenA(), () => h.signing.collectOrders());
    const org = randomUUID();
    await events(org, 1, 3);
    await h.signing.writeCheckpoints();

    // A second replica with key B starts on the same database while A still runs.
    const accessPort = (h.access.server.address() as AddressInfo).port;
    b = await buildServer({
      credentials: h.serviceKeys.credentials('signing'), databaseUrl: h.db.url, signingKey: keyB, bankId, accessUrl: `http://127.0.0.1:${accessPort}/graphql`, accessInternalUrl: `http://127.0.0.1:${accessPort}`,
      checkpointSeconds: 3600, collectIntervalMs: 0, applyRetryDelaysMs: [10],
    });
    bUrl = await b.listen(0, '127.0.0.1');
    const jwks = (await (await fetch(`${bUrl}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([h.keys.key.kid, keyB.kid].sort());

    // After: key B signs.
    const tokenB = (await mintToken(keyB, { kind: 'person', personId: arvid.id })).token;
    const receiptB = await sign(bUrl, tokenB, () => b.collectOrders());
    expect(decodeProtectedHeader(receiptB.token).kid).toBe(keyB.kid);
    expect(decodeProtectedHeader(receiptA.token).kid).toBe(h.keys.key.kid);
    await events(org, 4, 5);
    await b.writeCheckpoints();

    // Receipts: old and new verify with the published JWKS alone, and through either replica.
    const offline = createReceiptVerifier({ jwks: jwks as { keys: never[] } });
    await expect(offline(receiptA.token)).resolves.toMatchObject({ receiptId: receiptA.id });
    await expect(offline(receiptB.token)).resolves.toMatchObject({ receiptId: receiptB.id });
    await new Promise((r) => setTimeout(r, 1100)); // replica A looks again for a kid it does not know (at most once a second)
    for (const base of [h.base, bUrl]) {
      for (const t of [receiptA.token, receiptB.token]) {
        expect((await gqlRequest(`${base}/graphql`, `query($t: String!) { verifyReceipt(token: $t) }`, { t })).data.verifyReceipt).toBe(true);
      }
    }

    // Tokens signed with the old key keep working on the new replica until they expire.
    const VERIFY = `query($o: ID!) { verifyAuditLog(organisationId: $o) { ok reason lastCheckpointSeq } }`;
    expect((await gqlRequest(`${bUrl}/graphql`, VERIFY, { o: org }, await tolvanA())).data.verifyAuditLog).toEqual({ ok: true, reason: null, lastCheckpointSeq: 5 });
    const shortLived = await tokenA(2);
    expect((await gqlRequest(`${bUrl}/graphql`, `query($ref: ID!) { signingOrder(orderRef: $ref) { status } }`, { ref: 'x' }, shortLived)).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 3100));
    const expired = await gqlRequest(`${bUrl}/graphql`, VERIFY, { o: org }, shortLived);
    expect(expired.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // An export spanning both keys verifies offline with the JWKS; without the retired key it would not.
    const exported = await (await fetch(`${bUrl}/audit/export?organisationId=${org}`, { headers: { authorization: `Bearer ${await tolvanA()}` } })).text();
    const kids = exported.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type === 'checkpoint').map((l) => decodeProtectedHeader(l.jws).kid);
    expect(kids).toEqual([h.keys.key.kid, keyB.kid]);
    expect(await verifyExport(exported, jwks)).toMatchObject({ ok: true, checkpoints: 2, lastCheckpointSeq: 5 });
    expect(await verifyExport(exported, { keys: jwks.keys.filter((k) => k.kid === keyB.kid) })).toMatchObject({ ok: false, reason: 'CHECKPOINT_INVALID' });

    // Published keys are kept for good.
    await expect(h.sql(`DELETE FROM signing.published_key WHERE kid = ?`, [h.keys.key.kid])).rejects.toThrow(/append-only/);
  });

  it('refuses to start with a new key under a kid already published for another key', async () => {
    const other = await signingKeyFromJwk(await generateSigningKeyJwk());
    const clash = { ...other, kid: keyB.kid, publicJwk: { ...other.publicJwk, kid: keyB.kid } };
    const listeners = async () => Number((await h.sql<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'behorig decision cache'`))[0].n);
    const before = await listeners();
    await expect(buildServer({ databaseUrl: h.db.url, signingKey: clash, collectIntervalMs: 0 })).rejects.toThrow(/already published for another key/);
    // The refused replica left no decision cache behind, LISTENing and reconnecting for ever.
    expect(await listeners()).toBe(before);
  });
});
