/**
 * Before anything is measured, all targets must give THE SAME answer, or the comparison
 * means nothing: a sample of random arguments is asked of our gateway, the floor and each peer, and
 * the `data` members are compared with object keys sorted (list order is compared as is: every
 * list in these answers has a defined order).
 */
export interface AnswerCheck {
  scenario: string;
  samples: number;
  floorEqual: number;
  /** Per peer (its target name): answers equal to ours. */
  peerEqual: Record<string, number>;
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
  gatewayUrl: string; peers: readonly { target: string; url: string }[]; floorUrl: string;
}): Promise<AnswerCheck> {
  const out: AnswerCheck = { scenario: o.scenario, samples: o.samples, floorEqual: 0, peerEqual: Object.fromEntries(o.peers.map((p) => [p.target, 0])), oursErrors: 0, firstDifference: null };
  for (let i = 0; i < o.samples; i++) {
    const a = o.draw();
    const gql = { query: o.query, variables: o.variables(a) };
    const [ours, floor, ...peers] = await Promise.all([
      post(o.gatewayUrl, gql, o.authorization), post(o.floorUrl, a), ...o.peers.map((p) => post(p.url, gql, o.authorization)),
    ]);
    if (ours.errors) out.oursErrors++;
    const mine = canonical(ours.data);
    if (!ours.errors && canonical(floor.data) === mine) out.floorEqual++;
    else out.firstDifference ??= `args ${JSON.stringify(a)}\n    ours:  ${JSON.stringify(ours).slice(0, 600)}\n    floor: ${JSON.stringify(floor).slice(0, 600)}`;
    o.peers.forEach((p, k) => {
      const peer = peers[k];
      if (!peer.errors && canonical(peer.data) === mine) out.peerEqual[p.target]++;
      else out.firstDifference ??= `args ${JSON.stringify(a)}\n    ours: ${JSON.stringify(ours).slice(0, 600)}\n    ${p.target}: ${JSON.stringify(peer).slice(0, 600)}`;
    });
  }
  return out;
}
