import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph, CompositionError, SUPERGRAPH_FILE } from './composition';

/** `npm run compose` rewrites supergraph.graphql; `--check` fails when it is stale. */
try {
  const sdl = composeSupergraph();
  if (process.argv.includes('--check')) {
    const current = readFileSync(SUPERGRAPH_FILE, 'utf8');
    if (current !== sdl) {
      console.error('supergraph.graphql is stale: run `npm run compose`');
      process.exit(1);
    }
    console.log('supergraph.graphql is up to date');
  } else {
    writeFileSync(SUPERGRAPH_FILE, sdl);
    console.log(`wrote ${SUPERGRAPH_FILE}`);
  }
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
