import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { composeSupergraph } from '../src/composition';
import { buildSafelistManifest, readSafelistManifest, sha256Hex } from '../src/safelist';

describe('the partner safelist', () => {
  const committed = readSafelistManifest();

  it('when the operations under gateway/safelist/operations are built, then they equal the committed manifest (run safelist-cli.ts when not)', () => {
    expect(buildSafelistManifest()).toEqual(committed);
    expect(committed.operations.length).toBeGreaterThan(0);
  });

  it('when the manifest is read, then every id is the sha256 of its body and every operation validates against the public API', () => {
    // given
    const apiSchema = Supergraph.build(composeSupergraph()).apiSchema().toGraphQLJSSchema();
    for (const operation of committed.operations) {
      // then
      expect(operation.id).toBe(sha256Hex(operation.body));
      expect({ name: operation.name, errors: validate(apiSchema, parse(operation.body)).map((error) => error.message) }).toEqual({ name: operation.name, errors: [] });
    }
  });
});
