import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('.env.example', () => {
  it('when it is compared with every service config schema, then it lists each variable with its default', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/env-example.ts', '--check'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    expect(result.stderr.trim()).toBe('');
    expect(result.stdout).toContain('.env.example is up to date');
    expect(result.status).toBe(0);
  }, 120_000);
});
