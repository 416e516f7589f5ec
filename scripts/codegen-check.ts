import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';

/** Regenerates every codegen output in memory and exits 1, naming them, when any differs from disk. */
async function main(): Promise<void> {
  const root = join(__dirname, '..');
  process.chdir(root);
  const outputs = (await generate({ ...config, silent: true }, false)) as Array<{ filename: string; content: string }>;
  const stale = outputs.filter((output) => {
    try {
      return readFileSync(join(root, output.filename), 'utf8') !== output.content;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`Stale generated files (run \`npm run codegen\`):\n${stale.map((o) => `  ${o.filename}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${outputs.length} generated files are up to date`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
