// Installs a package's node_modules with `npm ci`, but only when they are missing or package.json,
// package-lock.json or the Node.js version changed since the last install (a stamp in node_modules records it).
// Usage: node ensure-deps.mjs [package dir]   (default: the current directory)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = resolve(process.argv[2] ?? '.');
const hash = createHash('sha256');
for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(dir, file)));
hash.update(process.version + process.platform + process.arch);
const digest = hash.digest('hex');
const stamp = join(dir, 'node_modules', '.ensure-deps.sha256');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) {
  console.log(`node_modules of ${dir} are up to date`);
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`npm ci failed in ${dir}${result.error ? `: ${result.error.message}` : ''}`);
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, digest + '\n');
