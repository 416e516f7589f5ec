import { readFileSync, writeFileSync } from 'node:fs';
import { buildSafelistManifest, printManifest, SAFELIST_MANIFEST_FILE } from './safelist';

/**
 * `npx tsx gateway/src/safelist-cli.ts` rewrites gateway/safelist/manifest.json from
 * gateway/safelist/operations/*.graphql; `--check` fails when it is stale.
 */
try {
  const content = printManifest(buildSafelistManifest());
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SAFELIST_MANIFEST_FILE, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== content) {
      console.error(`stale: ${SAFELIST_MANIFEST_FILE}: run \`npx tsx gateway/src/safelist-cli.ts\``);
      process.exit(1);
    }
    console.log('gateway/safelist/manifest.json is up to date');
  } else {
    writeFileSync(SAFELIST_MANIFEST_FILE, content);
    console.log(`wrote ${SAFELIST_MANIFEST_FILE}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
