import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitFiles } from '../../scripts/lib/sample-system.mjs';
import { createBisectSystem, type BisectSystem } from '../helpers/bisect-system.js';
import { meta } from '../helpers/cli.js';
import { fingerprint } from '../helpers/workspace.js';

let sys: BisectSystem;
beforeAll(() => {
  sys = createBisectSystem({ count: 3, broken: ['svc-01'] });
  // A commit that leaves the lock as it is: HEAD~1..HEAD has nothing to bisect, HEAD~2..HEAD has.
  commitFiles(sys.meta, { 'README.md': 'docs only\n' }, 'Docs');
});

const oracle = () => ['--run', '--', ...sys.oracle];
const cases: Array<{ name: string; args: () => string[]; message: RegExp; setup?: () => () => void }> = [
  { name: 'GOOD and BAD the same commit', args: () => ['--good', 'HEAD', '--bad', 'HEAD', '--env', 'prod', ...oracle()], message: /^error: --bad: "HEAD" and --good "HEAD" are the same commit [0-9a-f]{12}$/ },
  { name: 'GOOD not a revision', args: () => ['--good', 'no-such-rev', '--bad', 'HEAD', '--env', 'prod', ...oracle()], message: /^error: --good: "no-such-rev" is not a revision of the meta-repo$/ },
  { name: 'BAD not a revision', args: () => ['--good', 'HEAD~2', '--bad', 'deadbeefdead', '--env', 'prod', ...oracle()], message: /^error: --bad: "deadbeefdead" is not a revision of the meta-repo$/ },
  { name: 'an option-like revision', args: () => ['--good', 'HEAD~2', '--bad=--output=/tmp/x', '--env', 'prod', ...oracle()], message: /^error: --bad: invalid revision "--output=\/tmp\/x"$/ },
  { name: 'no differing pins', args: () => ['--good', 'HEAD~1', '--bad', 'HEAD', '--env', 'prod', ...oracle()], message: /^error: --bad: manifests\/components\.lock\.prod\.yaml pins the same commits at "HEAD~1" and "HEAD"; there is nothing to bisect$/ },
  { name: 'known-good when none is recorded', args: () => ['--good', 'known-good', '--bad', 'HEAD', '--env', 'prod', ...oracle()], message: /^error: --good: no known-good state recorded for env "prod" \(refs\/meta-rollback\/known-good\/prod\)/ },
  { name: 'an env without that lock', args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'staging', ...oracle()], message: /^error: --good: manifests\/components\.lock\.staging\.yaml does not exist at [0-9a-f]{12}$/ },
  { name: 'an oracle that does not exist', args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'prod', '--run', '--', 'no-such-oracle-cmd', 'x'], message: /^error: --run: no-such-oracle-cmd is not found in PATH$/ },
  { name: 'an oracle path that does not exist', args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'prod', '--run', '--', './test.sh'], message: /^error: --run: \.\/test\.sh does not exist or is not executable/ },
  { name: '--run without a command', args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'prod', '--run'], message: /^error: --run: give the oracle command after --/ },
  { name: 'a command without --run', args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'prod', '--', 'true'], message: /^error: bisect: unexpected argument "true"/ },
  { name: 'no --good', args: () => ['--bad', 'HEAD', '--env', 'prod', ...oracle()], message: /^error: --good: required/ },
  { name: 'no command health check and no --run', args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'prod'], message: /^error: --run: manifests\/components\.yaml declares no command health check for env "prod"/ },
  { name: 'a bad --retries', args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'prod', '--retries', 'many', ...oracle()], message: /^error: option '--retries <n>' argument 'many' is invalid/ },
  {
    name: 'a checkout with uncommitted changes',
    args: () => ['--good', 'HEAD~2', '--bad', 'HEAD', '--env', 'prod', ...oracle()],
    message: /^error: components\/svc-02: has uncommitted changes \(.*status\); commit or stash them/,
    setup: () => {
      writeFileSync(join(sys.meta, 'components', 'svc-02', 'status'), 'edited\n');
      return () => writeFileSync(join(sys.meta, 'components', 'svc-02', 'status'), 'ok\n');
    },
  },
];

describe('meta bisect refuses bad input: one error line naming the argument, exit 2, nothing changed', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const undo = c.setup?.();
      try {
        const before = fingerprint(sys.meta);
        const run = await meta(['bisect', ...c.args()], sys.meta);
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stderr.trim()).toMatch(c.message);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(fingerprint(sys.meta)).toEqual(before);
      } finally {
        undo?.();
      }
    });
  }
});
