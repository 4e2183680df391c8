import http from 'node:http';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { mintToken } from '@behorig/kit/auth';
import { startSystem, type System } from '../support/system';
import { ARATRON, ARATRON_UNIT, fresh, freshPersonalNumber, person } from './actors';

/**
 * The caller's own address reaches BankID as `endUserIp` (its fraud checks depend on it): the
 * gateway takes it from the socket (X-Forwarded-For only from configured trusted proxies) and
 * vouches for it to the subgraphs; a client's forged forwarding headers count nowhere.
 */
function postFrom(localAddress: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => { try { resolve(JSON.parse(text)); } catch (e) { reject(e); } });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the caller\'s address for BankID (endUserIp)', () => {
  let sys: System;
  const forged = { 'x-forwarded-for': '203.0.113.9', 'x-client-address': '198.51.100.7', 'x-real-ip': '192.0.2.1' };
  const orderAtSimulator = async (orderRef: string) => (await (await fetch(`${sys.sim.controlUrl}/simulator/orders/${orderRef}`)).json()) as { endUserIp: string };

  beforeAll(async () => { sys = await startSystem(); }, 60_000);
  afterAll(async () => { await sys?.stop(); });

  it('a client on 127.0.0.2 with a forged X-Forwarded-For logs in with endUserIp 127.0.0.2', async () => {
    const res = await postFrom('127.0.0.2', sys.gatewayUrl, { query: 'mutation { startLogin { orderRef } }' }, forged);
    expect(res.errors).toBeUndefined();
    expect((await orderAtSimulator(res.data.startLogin.orderRef)).endUserIp).toBe('127.0.0.2');
  });

  it('signing changes through access carries the same address to BankID', async () => {
    const f = person('Fridolf');
    const token = (await mintToken(sys.keys.key, { kind: 'person', personId: f.id })).token;
    const auth = { authorization: `Bearer ${token}` };
    const today = stockholmDate();
    const proposed = await postFrom('127.0.0.2', sys.gatewayUrl, {
      query: 'mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }',
      variables: { o: ARATRON, i: { personalNumber: freshPersonalNumber(), givenName: 'Adress', surname: fresh('Testsson'), roleCodes: ['READER'], unitIds: [ARATRON_UNIT], validFrom: today, validTo: addDays(today, 30) } },
    }, auth);
    expect(proposed.errors).toBeUndefined();
    const signed = await postFrom('127.0.0.2', sys.gatewayUrl, { query: 'mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }', variables: { o: ARATRON } }, { ...auth, ...forged });
    expect(signed.errors).toBeUndefined();
    expect((await orderAtSimulator(signed.data.signChanges.orderRef)).endUserIp).toBe('127.0.0.2');
  });

  it('a subgraph reached directly ignores forwarding headers without the gateway\'s credential', async () => {
    const res = await postFrom('127.0.0.2', sys.urls.signing, { query: 'mutation { startLogin { orderRef } }' }, forged);
    expect(res.errors).toBeUndefined();
    expect((await orderAtSimulator(res.data.startLogin.orderRef)).endUserIp).toBe('127.0.0.2');
  });
});
