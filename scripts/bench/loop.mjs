// The plain baseline of scenario A: a sequential, shell-free loop that, for each checkout, runs
// `git fetch` and `git checkout --detach SHA`. Usage: node loop.mjs TARGETS.json
// (TARGETS.json: [{ "dir": "/abs/components/NAME", "commit": "<sha>" }, ...]).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const targets = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const options = (cwd) => ({ cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
for (const { dir, commit } of targets) {
  execFileSync('git', ['fetch', '--quiet', 'origin'], options(dir));
  execFileSync('git', ['checkout', '--quiet', '--detach', commit], options(dir));
}
