import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, sampleFactory } from '../helpers/workspace.js';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';

const sample = sampleFactory();

interface RefusalCase {
  readonly name: string;
  readonly args: (sys: SampleSystem) => string[];
  readonly message: RegExp;
  readonly setup?: (sys: SampleSystem) => void;
}

const cases: RefusalCase[] = [
  { name: 'unknown component', args: () => ['rollback', 'component', 'nope', '--to-version', 'v1.0.0'], message: /^error: component: unknown component "nope"/ },
  { name: 'missing tag', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v9.9.9'], message: /^error: --to-version: tag "v9\.9\.9" not found in web-ui/ },
  { name: 'missing commit', args: () => ['rollback', 'component', 'web-ui', '--to-commit', 'deadbeefdeadbeef'], message: /^error: --to-commit: commit "deadbeefdeadbeef" not found in web-ui/ },
  { name: 'too short a SHA', args: () => ['rollback', 'component', 'web-ui', '--to-commit', 'abc12'], message: /^error: --to-commit: not a commit SHA/ },
  { name: 'uppercase SHA', args: (s) => ['rollback', 'component', 'web-ui', '--to-commit', s.components[0]!.versions[0]!.commit.toUpperCase()], message: /^error: --to-commit: .* must be lowercase hex/ },
  { name: 'option injection in a tag', args: () => ['rollback', 'component', 'web-ui', '--to-version=--upload-pack=touch /tmp/pwned'], message: /^error: --to-version: invalid ref name "--upload-pack=touch \/tmp\/pwned": starts with '-'/ },
  { name: 'a tag climbing out with ../', args: () => ['rollback', 'component', 'web-ui', '--to-version', '../x'], message: /^error: --to-version: invalid ref name "\.\.\/x": contains '\.\.'/ },
  { name: 'a tag with a space', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1 ;rm -rf /'], message: /^error: --to-version: invalid ref name/ },
  { name: 'both targets', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--to-commit', 'abcdef1'], message: /^error: rollback component: give exactly one of --to-version or --to-commit/ },
  { name: 'unknown flag', args: () => ['rollback', 'component', 'web-ui', '--to-vesrion', 'v1.0.0'], message: /^error: unknown option '--to-vesrion'/ },
  { name: 'bad --env', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', '../prod'], message: /^error: --env: invalid environment name "\.\.\/prod"/ },
  { name: 'env without a lock', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'staging'], message: /^error: --env: no lock for env "staging" \(manifests\/components\.lock\.staging\.yaml: no such file\); envs with a lock: prod/ },
  { name: 'lock file outside the root', args: () => ['rollback', 'lock', '../outside.yaml'], message: /^error: LOCKFILE: "\.\.\/outside\.yaml" is outside the meta-repo root/ },
  { name: 'absolute lock path outside the root', args: () => ['rollback', 'lock', '/etc/passwd'], message: /^error: LOCKFILE: "\/etc\/passwd" is outside the meta-repo root/ },
  { name: 'snapshot output outside the root', args: () => ['rollback', 'snapshot', '--output', '../snap.yaml'], message: /^error: --output: "\.\.\/snap\.yaml" is outside the meta-repo root/ },
  { name: 'restore from outside the root', args: () => ['rollback', 'snapshot', '--restore', '/tmp/none.yaml'], message: /^error: --restore: "\/tmp\/none\.yaml" is outside the meta-repo root/ },
  { name: 'bad --rev', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', '--output=/tmp/x'], message: /^error: --rev: invalid revision "--output=\/tmp\/x"/ },
  { name: 'unknown --rev', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'no-such-branch'], message: /^error: --rev: "no-such-branch" is not a revision of the meta-repo/ },
  { name: '--component not in the source lock', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--component', 'ghost'], message: /^error: --component: unknown component "ghost"/ },
  { name: 'lock file that does not exist', args: () => ['rollback', 'lock', 'manifests/components.lock.qa.yaml'], message: /^error: LOCKFILE: "manifests\/components\.lock\.qa\.yaml": no such file/ },
  {
    name: 'malformed YAML in the lock',
    setup: (s) => writeFileSync(join(s.meta, 'manifests/components.lock.prod.yaml'), 'components:\n  web-ui:\n    commit: [unclosed\n'),
    args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'],
    message: /^error: manifests\/components\.lock\.prod\.yaml:\d+: /,
  },
  {
    name: 'a lock commit that is not a SHA',
    setup: (s) => {
      const path = join(s.meta, 'manifests/components.lock.prod.yaml');
      const lines = read(path).split('\n');
      const i = lines.findIndex((l) => l.includes('commit:'));
      lines[i] = '    commit: not-a-sha';
      writeFileSync(path, lines.join('\n'));
    },
    args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'],
    message: /^error: manifests\/components\.lock\.prod\.yaml:7: components\.agent-core\.commit: not a SHA$/m,
  },
  {
    name: 'duplicate keys in the manifest',
    setup: (s) => writeFileSync(join(s.meta, 'manifests/components.yaml'), `components:\n  web-ui:\n    repo: ${s.components[2]!.dir}\n  web-ui:\n    repo: x\n`),
    args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0'],
    message: /^error: manifests\/components\.yaml:4: Map keys must be unique/,
  },
  {
    name: 'an ext:: repo URL in the manifest',
    setup: (s) => writeFileSync(join(s.meta, 'manifests/components.yaml'), `components:\n  web-ui:\n    repo: "ext::sh -c touch% /tmp/pwned"\n`),
    args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0'],
    message: /^error: manifests\/components\.yaml:3: components\.web-ui\.repo: "ext::sh -c touch% \/tmp\/pwned" uses a '::' transport/,
  },
  {
    name: 'a dirty checkout',
    setup: (s) => writeFileSync(join(s.meta, 'components/web-ui/VERSION'), 'edited by hand\n'),
    args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0'],
    message: /^error: components\/web-ui: has uncommitted changes \(VERSION\)/,
  },
  {
    name: 'a lock naming a component the manifest lacks',
    setup: (s) => {
      const path = join(s.meta, 'manifests/components.lock.staging.yaml');
      writeFileSync(path, `components:\n  ghost:\n    version: v1\n    commit: ${s.components[0]!.versions[0]!.commit}\n`);
    },
    args: () => ['rollback', 'lock', 'manifests/components.lock.staging.yaml'],
    message: /^error: manifests\/components\.lock\.staging\.yaml: components\.ghost: unknown component "ghost"/,
  },
  {
    name: 'a lock rollback where one of many pins is bad changes none of them',
    setup: (s) => {
      const lock = read(join(s.meta, 'manifests/components.lock.yaml'));
      writeFileSync(join(s.meta, 'manifests/components.lock.staging.yaml'), lock.replace(/ghost/, '') + `  ghost:\n    commit: ${s.components[0]!.versions[0]!.commit}\n`);
    },
    args: () => ['rollback', 'lock', 'manifests/components.lock.staging.yaml'],
    message: /^error: .*unknown component "ghost"/,
  },
];

describe('every refusal: one error line, exit 2, nothing changed', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const sys = sample();
      c.setup?.(sys);
      if (c.setup) gitOut(sys.meta, ['status', '--short']);
      const before = fingerprint(sys.meta);
      const run = await meta(c.args(sys), sys.meta);
      expect(run.stderr).toMatch(c.message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(fingerprint(sys.meta)).toEqual(before);
    });
  }

  it('an ambiguous abbreviation is refused and names the candidates', async () => {
    const sys = sample();
    const checkout = join(sys.meta, 'components', 'web-ui');
    const [a, b] = collidingCommits(checkout);
    expect(a.slice(0, 7)).toBe(b.slice(0, 7));
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'component', 'web-ui', '--to-commit', a.slice(0, 7)], sys.meta);
    expect(run.stderr).toMatch(new RegExp(`^error: --to-commit: ${a.slice(0, 7)} is ambiguous \\(matches .*\\); give more digits`));
    expect(run.code).toBe(2);
    expect(fingerprint(sys.meta)).toEqual(before);
    // With enough digits it resolves.
    const ok = await meta(['rollback', 'component', 'web-ui', '--to-commit', a.slice(0, 12), '--dry-run'], sys.meta);
    expect(ok.code).toBe(0);
  });
});

/**
 * Two commit objects whose SHAs share their first 7 hex digits, found by hashing candidate commit
 * texts in-process (a birthday search over 2^28 prefixes) and then written into the repository.
 */
function collidingCommits(repo: string): [string, string] {
  const tree = gitOut(repo, ['rev-parse', 'HEAD^{tree}']);
  const seen = new Map<string, string>();
  for (let i = 0; ; i++) {
    const body = `tree ${tree}\nauthor A <a@example.invalid> 1700000000 +0000\ncommitter A <a@example.invalid> 1700000000 +0000\n\ncollision candidate ${i}\n`;
    const sha = createHash('sha1').update(`commit ${Buffer.byteLength(body)}\0${body}`).digest('hex');
    const prefix = sha.slice(0, 7);
    const other = seen.get(prefix);
    if (other !== undefined) {
      const write = (text: string) => execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo, input: text, encoding: 'utf8' }).trim();
      return [write(other), write(body)];
    }
    seen.set(prefix, body);
  }
}
