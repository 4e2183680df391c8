/**
 * Before anything is measured, the three targets must give THE SAME answer, or the comparison
 * means nothing: a sample of random arguments is asked of our gateway, the floor and the peer, and
 * the `data` members are compared with object keys sorted (list order is compared as is: every
 * list in these answers has a defined order).
 */
export interface AnswerCheck {
  scenario: string;
  samples: number;
  floorEqual: number;
  peerEqual: number | null;
  /** Errors in our own answers (they would make every comparison moot). */
  oursErrors: number;
  firstDifference: string | null;
}

export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

async function post(url: string, body: unknown, authorization?: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

export async function compareAnswers<A extends Record<string, unknown>>(o: {
  scenario: string; samples: number; draw: () => A; variables: (a: A) => Record<string, unknown>; query: string; authorization: string;
  gatewayUrl: string; peerUrl: string | null; floorUrl: string;
}): Promise<AnswerCheck> {
  const out: AnswerCheck = { scenario: o.scenario, samples: o.samples, floorEqual: 0, peerEqual: o.peerUrl ? 0 : null, oursErrors: 0, firstDifference: null };
  for (let i = 0; i < o.samples; i++) {
    const a = o.draw();
    const gql = { query: o.query, variables: o.variables(a) };
    const [ours, floor, peer] = await Promise.all([
      post(o.gatewayUrl, gql, o.authorization), post(o.floorUrl, a), o.peerUrl ? post(o.peerUrl, gql, o.authorization) : Promise.resolve(null),
    ]);
    if (ours.errors) out.oursErrors++;
    const mine = canonical(ours.data);
    if (!ours.errors && canonical(floor.data) === mine) out.floorEqual++;
    else out.firstDifference ??= `args ${JSON.stringify(a)}\n    ours:  ${JSON.stringify(ours).slice(0, 600)}\n    floor: ${JSON.stringify(floor).slice(0, 600)}`;
    if (peer) {
      if (!peer.errors && canonical(peer.data) === mine) out.peerEqual!++;
      else out.firstDifference ??= `args ${JSON.stringify(a)}\n    ours: ${JSON.stringify(ours).slice(0, 600)}\n    peer: ${JSON.stringify(peer).slice(0, 600)}`;
    }
  }
  return out;
}
