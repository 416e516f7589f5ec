import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('the codebase', () => {
  it('when the whole repo is type-checked in strict mode, then there are no errors', () => {
    const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
  }, 300_000);
});
