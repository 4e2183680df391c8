import { readFileSync } from 'node:fs';
import { composeSupergraph, supergraphPath } from '../src/compose';

describe('schema/supergraph.graphql', () => {
  it('composes without errors and equals the committed file (run `npm run compose` when this fails)', () => {
    const fresh = composeSupergraph();
    const committed = readFileSync(supergraphPath(), 'utf8');
    expect(committed).toBe(fresh);
  });
});
