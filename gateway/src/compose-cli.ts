import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { API_SCHEMA_FILE, apiSchemaSdl, composeSupergraph, CompositionError, SUPERGRAPH_FILE } from './composition';

/**
 * `npm run compose` rewrites supergraph.graphql and the public API schema (web/schema.graphql);
 * `--check` fails when either is stale.
 */
try {
  const supergraph = composeSupergraph();
  const outputs = [
    { file: SUPERGRAPH_FILE, content: supergraph },
    { file: API_SCHEMA_FILE, content: apiSchemaSdl(supergraph) },
  ];
  if (process.argv.includes('--check')) {
    const stale = outputs.filter(({ file, content }) => {
      try {
        return readFileSync(file, 'utf8') !== content;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(`stale: ${stale.map(({ file }) => file).join(', ')}: run \`npm run compose\``);
      process.exit(1);
    }
    console.log('supergraph.graphql and web/schema.graphql are up to date');
  } else {
    for (const { file, content } of outputs) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${file}`);
    }
  }
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
