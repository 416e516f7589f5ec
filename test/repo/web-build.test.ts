import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function typecheck(project: string) {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project, '--noEmit'], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('the web app and the browser tests', () => {
  it.each(['web/tsconfig.json', 'web/tsconfig.node.json', 'e2e/tsconfig.json'])(
    'when %s is type-checked in strict mode, then there are no errors',
    (project) => {
      // when
      const result = typecheck(project);
      // then
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    },
    300_000,
  );
});
