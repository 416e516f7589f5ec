import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('generated types', () => {
  it('when codegen runs again, then every committed generated file is unchanged', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/codegen-check.ts'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/generated files are up to date/);
    expect(result.status).toBe(0);
  }, 180_000);
});
