import { readFileSync } from 'node:fs';
import { API_SCHEMA_FILE, apiSchemaSdl, composeSupergraph, readSubgraphSources, SUPERGRAPH_FILE } from '../src/composition';

describe('supergraph composition', () => {
  const supergraph = composeSupergraph();

  it('when the subgraph schemas are composed, then composition succeeds and matches the committed supergraph.graphql', () => {
    expect(supergraph).toContain('type Product');
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(supergraph);
  });

  it('when the public API schema is derived, then it matches web/schema.graphql and hides internal operations', () => {
    const api = apiSchemaSdl(supergraph);
    expect(readFileSync(API_SCHEMA_FILE, 'utf8')).toBe(api);
    expect(api).not.toMatch(/@inaccessible|join__|link__/);
  });

  it('when the subgraphs are listed, then every one of them is part of the supergraph', () => {
    const sources = readSubgraphSources({});
    expect(sources.length).toBeGreaterThanOrEqual(1);
    for (const source of sources) expect(supergraph).toContain(`@join__graph(name: "${source.name}"`);
  });
});
