/**
 * Browser tests run against a freshly built dist/. The build runs once per
 * `npm test` (set TEST_SKIP_BUILD=1 to reuse an existing dist/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildEnv } from './env.ts';
import { switches } from '../../src/bench/switches.ts';

export default function setup(): void {
  if (switches.skipBuild && existsSync('dist/index.html')) return;
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts'], { stdio: 'inherit', env: buildEnv() });
  if (result.status !== 0) throw new Error('The site build failed; browser tests cannot run.');
}
