import { readFileSync } from 'node:fs';
import { composeSupergraph, readSubgraphSources, SUPERGRAPH_FILE } from '../src/composition';

describe('supergraph composition', () => {
  it('when the subgraph schemas are composed, then composition succeeds and matches the committed supergraph.graphql', () => {
    const sdl = composeSupergraph();
    expect(sdl).toContain('type Product');
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(sdl);
  });

  it('when the subgraphs are listed, then every one of them is part of the supergraph', () => {
    const sdl = composeSupergraph();
    for (const source of readSubgraphSources({})) {
      expect(sdl).toContain(`@join__graph(name: "${source.name}"`);
    }
  });
});
