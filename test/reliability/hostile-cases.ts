// The hostile inputs the suite feeds to the CLI and to the action. Kept apart from the test file so
// the figures test can count them without running them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';

export interface CliCase {
  readonly name: string;
  readonly args: (sys: SampleSystem) => string[];
  readonly message: RegExp;
  /** Exit code; 2 (bad input) unless said otherwise. */
  readonly code?: 1 | 2;
  /** Changes the meta-repo copy first (hostile files); cases without one share a copy. */
  readonly setup?: (sys: SampleSystem) => void;
  /** Run `node dist/cli.js` in a real process instead of the in-process CLI. */
  readonly process?: boolean;
  /** Only where the command exists (changeset commands may be added later). */
  readonly needs?: 'changeset' | 'bisect';
}

const LOCK = 'manifests/components.lock.prod.yaml';
const MANIFEST = 'manifests/components.yaml';
/** Commands that would leave this file behind if a value ever reached a shell. */
export const PWNED = 'pwned-by-meta-rollback-test';

const edit = (sys: SampleSystem, rel: string, change: (text: string) => string) => writeFileSync(join(sys.meta, rel), change(readFileSync(join(sys.meta, rel), 'utf8')));
const write = (sys: SampleSystem, rel: string, data: string | Buffer) => {
  mkdirSync(join(sys.meta, rel, '..'), { recursive: true });
  writeFileSync(join(sys.meta, rel), data);
};
const sha = (sys: SampleSystem, i = 0, v = 0) => sys.components[i]!.versions[v]!.commit;
const commitIn = (sys: SampleSystem, message: string) => {
  execFileSync('git', ['add', '-A'], { cwd: sys.meta });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: sys.meta });
};
/** A snapshot file as the tool writes them, for the prod env, with whatever components given. */
const snapshot = (components: string) => `created_at: '2026-11-25T12:00:00Z'\nenvironment: prod\ncomponents:\n${components}`;
const rollbackWeb = ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'];

/** A pid that was running a moment ago and is not now. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

export const cliCases: CliCase[] = [
  // Component names and paths: '..', absolute paths, NUL, option-like and shell-like values.
  { name: 'a component name climbing out with ../', args: () => ['rollback', 'component', '../web-ui', '--to-version', 'v1.0.0'], message: /^error: component: invalid component name "\.\.\/web-ui"/ },
  { name: 'an absolute path as a component name', args: () => ['rollback', 'component', '/etc/passwd', '--to-version', 'v1.0.0'], message: /^error: component: invalid component name "\/etc\/passwd"/ },
  { name: 'a NUL byte in a component name', args: () => ['rollback', 'component', 'web-ui\0x', '--to-version', 'v1.0.0'], message: /^error: component: invalid component name "web-ui\\u0000x"/ },
  { name: "a component name ending in '.lock'", args: () => ['rollback', 'component', 'web-ui.lock', '--to-version', 'v1.0.0'], message: /^error: component: invalid component name "web-ui\.lock"/ },
  { name: 'shell metacharacters in a component name', args: () => ['rollback', 'component', `web-ui;touch ${PWNED}`, '--to-version', 'v1.0.0'], message: /^error: component: invalid component name "web-ui;touch / },
  { name: '--component climbing out, in a lock rollback', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--component', '../web-ui'], message: /^error: --component: invalid component name "\.\.\/web-ui"/ },
  { name: '--components with a path in a snapshot', args: () => ['rollback', 'snapshot', '--output', '.meta/snapshots/x.yaml', '--components', 'web-ui,../agent-core'], message: /^error: --components: invalid component name "\.\.\/agent-core"/ },
  { name: 'health --component with a path', args: () => ['health', '--component', '../x'], message: /^error: --component: invalid component name "\.\.\/x"/ },
  { name: 'rollback list --component with an absolute path', args: () => ['rollback', 'list', '--component', '/etc'], message: /^error: --component: invalid component name "\/etc"/ },
  { name: 'a NUL byte in LOCKFILE', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml\0.txt'], message: /^error: LOCKFILE: path contains a NUL byte$/ },
  { name: 'LOCKFILE climbing out through a subdirectory', args: () => ['rollback', 'lock', 'manifests/../../outside.yaml'], message: /^error: LOCKFILE: "manifests\/\.\.\/\.\.\/outside\.yaml" is outside the meta-repo root$/ },
  {
    name: 'LOCKFILE that is a symbolic link out of the meta-repo',
    setup: (s) => {
      writeFileSync(join(s.base, 'outside.yaml'), readFileSync(join(s.meta, 'manifests/components.lock.yaml')));
      symlinkSync(join(s.base, 'outside.yaml'), join(s.meta, 'manifests/evil.yaml'));
    },
    args: () => ['rollback', 'lock', 'manifests/evil.yaml'],
    message: /^error: LOCKFILE: "manifests\/evil\.yaml" leads outside the meta-repo root through a symbolic link$/,
  },
  {
    name: '--output into a directory that links out of the meta-repo',
    setup: (s) => {
      mkdirSync(join(s.base, 'elsewhere'), { recursive: true });
      symlinkSync(join(s.base, 'elsewhere'), join(s.meta, 'out'));
    },
    args: () => ['rollback', 'snapshot', '--output', 'out/snap.yaml'],
    message: /^error: --output: "out\/snap\.yaml" leads outside the meta-repo root through a symbolic link$/,
  },
  { name: 'a NUL byte in --restore', args: () => ['rollback', 'snapshot', '--restore', '.meta/snapshots/a\0b.yaml'], message: /^error: --restore: path contains a NUL byte$/ },
  { name: 'a NUL byte in --root', args: () => ['--root', '.\0/x', 'rollback', 'list'], message: /^error: --root: contains a NUL byte$/ },
  { name: '--root pointing at a directory that is no meta-repo', args: () => ['--root', '/etc', 'rollback', 'component', 'web-ui', '--to-version', 'v1.0.0'], message: /^error: --root: "\/etc" has no manifests\/components\.yaml$/ },
  {
    name: '.meta/snapshots that is a symbolic link out of the meta-repo',
    setup: (s) => {
      mkdirSync(join(s.base, 'stolen-snapshots'), { recursive: true });
      mkdirSync(join(s.meta, '.meta'), { recursive: true });
      symlinkSync(join(s.base, 'stolen-snapshots'), join(s.meta, '.meta/snapshots'));
    },
    args: () => rollbackWeb,
    message: /^error: \.meta\/snapshots: "\.meta\/snapshots\/[^"]+\.yaml" leads outside the meta-repo root through a symbolic link$/,
  },
  {
    name: '.meta that is a symbolic link out of the meta-repo',
    setup: (s) => {
      mkdirSync(join(s.base, 'stolen-meta'), { recursive: true });
      symlinkSync(join(s.base, 'stolen-meta'), join(s.meta, '.meta'));
    },
    args: () => rollbackWeb,
    message: /^error: \.meta\/lock: "\.meta\/lock" leads outside the meta-repo root through a symbolic link$/,
  },

  // Refs and versions: option injection, spaces, newlines, shell metacharacters.
  { name: "a tag starting with '-'", args: () => ['rollback', 'component', 'web-ui', '--to-version=-v1.0.0'], message: /^error: --to-version: invalid ref name "-v1\.0\.0": starts with '-'$/ },
  { name: 'a tag with a newline', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0\n--upload-pack=x'], message: /^error: --to-version: invalid ref name "v1\.0\.0\\n--upload-pack=x": contains a space, control character/ },
  { name: 'a tag with a tab', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0\tx'], message: /^error: --to-version: invalid ref name "v1\.0\.0\\tx"/ },
  { name: 'a tag with $(command substitution)', args: () => ['rollback', 'component', 'web-ui', '--to-version', `v1$(touch\${IFS}${PWNED})`], message: /^error: --to-version: tag "v1\$\(touch\$\{IFS\}pwned-by-meta-rollback-test\)" not found in web-ui/ },
  { name: 'a tag with `backticks`', args: () => ['rollback', 'component', 'web-ui', '--to-version', `v1\`touch\${IFS}${PWNED}\``], message: /^error: --to-version: tag "v1`touch\$\{IFS\}pwned-by-meta-rollback-test`" not found in web-ui/ },
  { name: 'a tag with a pipe and a semicolon', args: () => ['rollback', 'component', 'web-ui', '--to-version', `v1|sh;touch\${IFS}${PWNED}`], message: /^error: --to-version: tag "v1\|sh;touch/ },
  { name: 'a tag naming a tree (^{tree})', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0^{tree}'], message: /^error: --to-version: invalid ref name "v1\.0\.0\^\{tree\}"/ },
  { name: 'a tag using reflog syntax @{-1}', args: () => ['rollback', 'component', 'web-ui', '--to-version', '@{-1}'], message: /^error: --to-version: invalid ref name "@\{-1\}": contains '@\{'$/ },
  { name: 'a tag with a path (HEAD:file)', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'HEAD:manifests'], message: /^error: --to-version: invalid ref name "HEAD:manifests"/ },
  { name: "a tag with a part ending in '.lock'", args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.lock/x'], message: /^error: --to-version: invalid ref name "v1\.lock\/x": has a part ending with '\.lock'$/ },
  { name: 'a 300-character tag', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v'.repeat(300)], message: /^error: --to-version: invalid ref name "v+…": is too long$/ },
  { name: "a --rev starting with '-'", args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev=-n1'], message: /^error: --rev: invalid revision "-n1"$/ },
  { name: 'a --rev naming a path (HEAD:file)', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD:manifests'], message: /^error: --rev: invalid revision "HEAD:manifests"$/ },
  { name: 'a --rev with a space and an option', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD~1 --all'], message: /^error: --rev: invalid revision "HEAD~1 --all"$/ },
  { name: 'a --rev with a newline', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD\n--all'], message: /^error: --rev: invalid revision "HEAD\\n--all"$/ },
  { name: 'a --rev range (a..b)', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD~1..HEAD'], message: /^error: --rev: invalid revision "HEAD~1\.\.HEAD"$/ },
  { name: 'a --rev with shell metacharacters', args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', `HEAD;touch\${IFS}${PWNED}`], message: /^error: --rev: "HEAD;touch\$\{IFS\}pwned-by-meta-rollback-test" is not a revision of the meta-repo$/ },
  { name: 'an --env with shell metacharacters', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod;id'], message: /^error: --env: invalid environment name "prod;id"/ },
  // Dots are part of the Python tool's env alphabet; an env without a lock file is still refused.
  { name: "an --env with a '.' that names no lock", args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod.yaml'], message: /^error: --env: no lock for env "prod\.yaml" \(manifests\/components\.lock\.prod\.yaml\.yaml: no such file\); did you mean prod\?/ },
  { name: "an --env with '..'", args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod..x'], message: /^error: --env: invalid environment name "prod\.\.x"/ },
  { name: "an --env starting with '-'", args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env=-x'], message: /^error: --env: invalid environment name "-x"/ },
  { name: 'an --env with a newline', args: () => ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod\nx'], message: /^error: --env: invalid environment name "prod\\nx"/ },

  // SHAs of the wrong length or case.
  { name: 'a 65-digit SHA', args: () => ['rollback', 'component', 'web-ui', '--to-commit', 'a'.repeat(65)], message: /^error: --to-commit: not a commit SHA \("a{65}"; expected 7 to 64 lowercase hex digits\)$/ },
  { name: 'a 41-digit SHA that names nothing', args: (s) => ['rollback', 'component', 'web-ui', '--to-commit', `${sha(s, 2)}0`], message: /^error: --to-commit: commit "[0-9a-f]{41}" not found in web-ui/ },
  { name: 'a SHA in mixed case', args: (s) => ['rollback', 'component', 'web-ui', '--to-commit', sha(s, 2).slice(0, 6) + sha(s, 2).slice(6, 12).toUpperCase()], message: /^error: --to-commit: "[0-9a-fA-F]{12}" must be lowercase hex$/ },
  { name: "a SHA starting with '-'", args: () => ['rollback', 'component', 'web-ui', '--to-commit=-abcdef1'], message: /^error: --to-commit: not a commit SHA \("-abcdef1"/ },
  { name: 'a SHA with a non-hex digit', args: () => ['rollback', 'component', 'web-ui', '--to-commit', 'g123456'], message: /^error: --to-commit: not a commit SHA \("g123456"/ },
  { name: 'a lock commit of 39 digits', setup: (s) => edit(s, LOCK, (t) => t.replace(sha(s, 0, 2), sha(s, 0, 2).slice(0, 39))), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:7: components\.agent-core\.commit: not a SHA$/ },
  { name: 'a lock commit of 41 digits', setup: (s) => edit(s, LOCK, (t) => t.replace(sha(s, 0, 2), `${sha(s, 0, 2)}a`)), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:7: components\.agent-core\.commit: not a SHA$/ },
  { name: 'a lock commit in upper case', setup: (s) => edit(s, LOCK, (t) => t.replace(sha(s, 0, 2), sha(s, 0, 2).toUpperCase())), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:7: components\.agent-core\.commit: not a SHA$/ },
  {
    name: 'a snapshot commit of 65 digits',
    setup: (s) => write(s, '.meta/snapshots/bad.yaml', snapshot(`  web-ui:\n    version: v1.0.0\n    commit: ${'b'.repeat(65)}\n`)),
    args: () => ['rollback', 'snapshot', '--restore', '.meta/snapshots/bad.yaml', '--env', 'prod'],
    message: /^error: \.meta\/snapshots\/bad\.yaml:6: components\.web-ui\.commit: not a SHA$/,
  },
  {
    name: 'a snapshot commit in upper case',
    setup: (s) => write(s, '.meta/snapshots/bad.yaml', snapshot(`  web-ui:\n    version: v1.0.0\n    commit: ${sha(s, 2).toUpperCase()}\n`)),
    args: () => ['rollback', 'snapshot', '--restore', '.meta/snapshots/bad.yaml', '--env', 'prod'],
    message: /^error: \.meta\/snapshots\/bad\.yaml:6: components\.web-ui\.commit: not a SHA$/,
  },

  // YAML: aliases without bound, duplicate keys, wrong types, huge files, bytes that are not UTF-8.
  {
    name: 'a "billion laughs" of fewer than 100 aliases in the manifest',
    setup: (s) => {
      const levels = ['x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 9; i++) levels.push(`x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      edit(s, MANIFEST, (t) => `${levels.join('\n')}\n${t.replace('    type: service\n', '    type: service\n    health: *a8\n')}`);
    },
    args: () => ['health', '--all'],
    message: /^error: manifests\/components\.yaml:\d+: components\.agent-core\.health: aliases expand too far/,
  },
  {
    name: 'more than 100 aliases in a lock',
    setup: (s) => edit(s, LOCK, (t) => `x: &x y\nlist: [${Array(101).fill('*x').join(', ')}]\n${t}`),
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.lock\.prod\.yaml:2: document: too many aliases$/,
  },
  { name: 'a lock nested deeper than 64 levels', setup: (s) => write(s, LOCK, `components: ${'['.repeat(100)}${']'.repeat(100)}\n`), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:1: document: nested too deeply$/ },
  {
    name: 'a component twice in a lock',
    setup: (s) => edit(s, LOCK, (t) => `${t}  agent-core:\n    version: v1.0.0\n    commit: ${sha(s, 0, 0)}\n`),
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.lock\.prod\.yaml:\d+: Map keys must be unique$/,
  },
  {
    name: 'a key twice in a snapshot',
    setup: (s) => write(s, '.meta/snapshots/dup.yaml', snapshot(`  web-ui:\n    version: v1.0.0\n    commit: ${sha(s, 2)}\n    commit: ${sha(s, 2, 1)}\n`)),
    args: () => ['rollback', 'snapshot', '--restore', '.meta/snapshots/dup.yaml', '--env', 'prod'],
    message: /^error: \.meta\/snapshots\/dup\.yaml:7: Map keys must be unique$/,
  },
  { name: 'components as a list', setup: (s) => write(s, LOCK, 'components:\n  - web-ui\n'), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:2: components: must be a mapping$/ },
  { name: 'a commit that is a mapping', setup: (s) => edit(s, LOCK, (t) => t.replace(/commit: [0-9a-f]{40}/, 'commit: {sha: x}')), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:7: components\.agent-core\.commit: must be a string$/ },
  { name: 'a version that is a list', setup: (s) => edit(s, LOCK, (t) => t.replace('version: v1.2.0', 'version: [v1, v2]')), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:6: components\.agent-core\.version: must be a string$/ },
  { name: 'a repo that is a list', setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: .*/, 'repo: [a, b]')), args: () => rollbackWeb, message: /^error: manifests\/components\.yaml:4: components\.agent-core\.repo: must be a string$/ },
  { name: 'depends_on that is a string', setup: (s) => edit(s, MANIFEST, (t) => t.replace('depends_on: [agent-core]', 'depends_on: agent-core')), args: () => rollbackWeb, message: /^error: manifests\/components\.yaml:\d+: components\.scraper-capabilities\.depends_on: must be a list of strings$/ },
  { name: 'an environment that is a mapping', setup: (s) => edit(s, LOCK, (t) => t.replace('environment: prod', 'environment: {name: prod}')), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:3: environment: must be a string$/ },
  {
    name: 'a lock over 16 MiB',
    setup: (s) => edit(s, LOCK, (t) => `${t}${`# ${'x'.repeat(1022)}\n`.repeat(16 * 1024 + 1)}`),
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.lock\.prod\.yaml: file is \d+ bytes, over the 16777216-byte limit$/,
  },
  { name: 'a manifest over 16 MiB', setup: (s) => edit(s, MANIFEST, (t) => `${t}#${'y'.repeat(16 * 1024 * 1024)}\n`), args: () => ['rollback', 'list'], message: /^error: manifests\/components\.yaml: file is \d+ bytes, over the 16777216-byte limit$/ },
  { name: 'a lock that is not UTF-8', setup: (s) => write(s, LOCK, Buffer.concat([readFileSync(join(s.meta, LOCK)), Buffer.from([0xff, 0xfe, 0x0a])])), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml: not valid UTF-8$/ },
  { name: 'a manifest that is not UTF-8', setup: (s) => write(s, MANIFEST, Buffer.concat([Buffer.from('components:\n  web-ui:\n    repo: caf'), Buffer.from([0xe9]), Buffer.from('\n')])), args: () => ['rollback', 'list'], message: /^error: manifests\/components\.yaml: not valid UTF-8$/ },
  {
    name: 'a lock that is a FIFO (never read)',
    setup: (s) => {
      execFileSync('rm', [join(s.meta, LOCK)]);
      execFileSync('mkfifo', [join(s.meta, LOCK)]);
    },
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.lock\.prod\.yaml: not a regular file$/,
  },
  {
    name: 'a lock that is a symbolic link to /dev/zero',
    setup: (s) => {
      execFileSync('rm', [join(s.meta, LOCK)]);
      symlinkSync('/dev/zero', join(s.meta, LOCK));
    },
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.lock\.prod\.yaml: not a regular file$/,
  },
  { name: 'a lock of several YAML documents', setup: (s) => edit(s, LOCK, (t) => `${t}---\ncomponents: {}\n`), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:\d+: Source contains multiple documents/ },
  {
    name: 'a component key with a newline (the message stays one line)',
    setup: (s) => edit(s, LOCK, (t) => `${t}  "web\\nerror: forged":\n    commit: ${sha(s, 2)}\n`),
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.lock\.prod\.yaml:\d+: components\.web\\u000aerror: forged: invalid component name "web\\nerror: forged"$/,
  },
  {
    name: 'a snapshot version with a newline',
    setup: (s) => write(s, '.meta/snapshots/nl.yaml', snapshot(`  web-ui:\n    version: "v1.0.0\\n--upload-pack=x"\n    commit: ${sha(s, 2)}\n`)),
    args: () => ['rollback', 'snapshot', '--restore', '.meta/snapshots/nl.yaml', '--env', 'prod'],
    message: /^error: \.meta\/snapshots\/nl\.yaml:5: components\.web-ui\.version: "v1\.0\.0\\n--upload-pack=x" contains a control character/,
  },

  // A lock or snapshot naming a component the manifest does not have.
  {
    name: 'a snapshot naming a component not in the manifest',
    setup: (s) => write(s, '.meta/snapshots/ghost.yaml', snapshot(`  ghost:\n    version: v1.0.0\n    commit: ${sha(s, 2)}\n`)),
    args: () => ['rollback', 'snapshot', '--restore', '.meta/snapshots/ghost.yaml', '--env', 'prod'],
    message: /^error: \.meta\/snapshots\/ghost\.yaml: components\.ghost: unknown component "ghost"/,
  },
  {
    name: 'a lock at an earlier revision naming a component not in the manifest',
    setup: (s) => {
      write(s, 'manifests/components.lock.qa.yaml', `components:\n  ghost:\n    version: v1.0.0\n    commit: ${sha(s, 2)}\n`);
      commitIn(s, 'qa lock with a ghost');
      execFileSync('git', ['rm', '-q', 'manifests/components.lock.qa.yaml'], { cwd: s.meta });
      commitIn(s, 'drop the qa lock');
    },
    args: () => ['rollback', 'lock', 'manifests/components.lock.qa.yaml', '--rev', 'HEAD~1', '--env', 'prod'],
    message: /^error: manifests\/components\.lock\.qa\.yaml@HEAD~1: components\.ghost: unknown component "ghost"/,
  },

  // Store paths and changeset ids escaping their folders.
  { name: 'a store hash climbing out of .meta-store', args: () => ['rollback', 'store', 'web-ui', '../../x'], message: /^error: HASH: not a store hash \("\.\.\/\.\.\/x"; expected 8 to 64 lowercase hex digits\)$/ },
  { name: 'a store component name climbing out', args: () => ['rollback', 'store', '../x', 'deadbeefdead'], message: /^error: NAME: invalid component name "\.\.\/x"/ },
  { name: 'store verify with a path for a hash', args: () => ['store', 'verify', '../../etc'], message: /^error: HASH: not a store hash \("\.\.\/\.\.\/etc"/ },
  { name: 'store add with a path for a name', args: () => ['store', 'add', '/etc'], message: /^error: NAME: invalid component name "\/etc"/ },
  { name: 'a store branch climbing out', args: () => ['rollback', 'store', 'web-ui', 'deadbeefdeadbeef', '--store-branch', '../x'], message: /^error: --store-branch: invalid ref name "\.\.\/x": contains '\.\.'$/ },
  { name: 'a bisect --good starting with -', needs: 'bisect', args: () => ['bisect', '--good=--upload-pack=x', '--bad', 'HEAD', '--run', '--', 'true'], message: /^error: --good: invalid revision "--upload-pack=x"$/ },
  { name: 'a bisect oracle given through a shell string', needs: 'bisect', args: () => ['bisect', '--good', 'HEAD~1', '--bad', 'HEAD', '--env', 'prod', '--run', '--', `true; touch ${PWNED}`], message: /^error: --run: true; touch pwned-by-meta-rollback-test is not found in PATH$/ },
  { name: 'a changeset id climbing out', needs: 'changeset', args: () => ['changeset', 'rollback', '../x'], message: /^error: ID: invalid changeset id "\.\.\/x"/ },
  { name: 'an absolute path as a changeset id', needs: 'changeset', args: () => ['changeset', 'show', '/etc/passwd'], message: /^error: ID: invalid changeset id "\/etc\/passwd"/ },
  { name: "the changeset id 'index'", needs: 'changeset', args: () => ['changeset', 'rollback', 'index'], message: /^error: ID: invalid changeset id "index" \('index' is the name of \.meta\/changesets\/index\.yaml\)$/ },
  { name: 'a NUL byte in a changeset id', needs: 'changeset', args: () => ['changeset', 'rollback', 'CS-1\0x'], message: /^error: ID: invalid changeset id "CS-1\\u0000x"/ },

  // repo: URLs that would make git run a program.
  { name: 'an fd:: repo URL', setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: .*web-ui/, 'repo: "fd::3"')), args: () => rollbackWeb, message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: "fd::3" uses a '::' transport/ },
  { name: 'an EXT:: repo URL in upper case', setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: .*web-ui/, `repo: "EXT::sh -c touch% ${PWNED}"`)), args: () => rollbackWeb, message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: "EXT::sh -c touch% pwned-by-meta-rollback-test" uses a '::' transport/ },
  {
    name: 'an ssh:// URL whose host is an ssh option',
    setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: .*web-ui/, `repo: "ssh://-oProxyCommand=touch%20${PWNED}/x.git"`)),
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: "ssh:\/\/-oProxyCommand=[^"]+" names a user or host starting with '-', which ssh would read as an option$/,
  },
  {
    name: 'an scp-style URL whose host is an ssh option',
    setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: .*web-ui/, 'repo: "git@-oProxyCommand=id:x.git"')),
    args: () => rollbackWeb,
    message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: "git@-oProxyCommand=id:x\.git" names a user or host starting with '-'/,
  },
  { name: 'an ftp:// repo URL', setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: .*web-ui/, 'repo: ftp://example.invalid/web-ui.git')), args: () => rollbackWeb, message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: "ftp:\/\/example\.invalid\/web-ui\.git" uses the unsupported transport 'ftp'$/ },
  { name: 'a repo that is an option', setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: .*web-ui/, `repo: "--upload-pack=touch ${PWNED}"`)), args: () => rollbackWeb, message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: "--upload-pack=touch pwned-by-meta-rollback-test" starts with '-'$/ },
  { name: 'a repo with a newline', setup: (s) => edit(s, MANIFEST, (t) => t.replace(/repo: (.*web-ui)/, 'repo: "$1\\n--upload-pack=x"')), args: () => rollbackWeb, message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: ".*\\n--upload-pack=x" contains a control character$/ },
  { name: "an ext:: repo in the env's lock", setup: (s) => edit(s, LOCK, (t) => t.replace(/repo: .*agent-core/, 'repo: "ext::sh -c id"')), args: () => rollbackWeb, message: /^error: manifests\/components\.lock\.prod\.yaml:8: components\.agent-core\.repo: "ext::sh -c id" uses a '::' transport/ },
  {
    name: 'an ext:: repo in a snapshot',
    setup: (s) => write(s, '.meta/snapshots/ext.yaml', snapshot(`  web-ui:\n    version: v1.0.0\n    commit: ${sha(s, 2)}\n    repo: "ext::sh -c id"\n`)),
    args: () => ['rollback', 'snapshot', '--restore', '.meta/snapshots/ext.yaml', '--env', 'prod'],
    message: /^error: \.meta\/snapshots\/ext\.yaml:7: components\.web-ui\.repo: "ext::sh -c id" uses a '::' transport/,
  },

  // A planted .meta/lock whose "interrupted rollback" would delete a file outside .meta/snapshots.
  {
    name: 'a stale .meta/lock whose intent names a path outside .meta/snapshots',
    setup: (s) => plantStaleLock(s, { kind: 'rollback', lock: LOCK, lockBefore: '0'.repeat(64), lockAfter: null, snapshot: '../../important.yaml', journal: {}, checkouts: [] }),
    args: () => rollbackWeb,
    message: /^error: \.meta\/lock: intent\.snapshot: "\.\.\/\.\.\/important\.yaml" is not what a rollback writes; remove \.meta\/lock if no rollback is running$/,
  },
  // ...or whose "interrupted rollback" would write its journal entry outside the journal directory.
  {
    name: 'a stale .meta/lock whose intent names a journal file outside .meta/history/rollbacks',
    setup: (s) =>
      plantStaleLock(s, {
        kind: 'rollback',
        lock: LOCK,
        lockBefore: '0'.repeat(64),
        lockAfter: null,
        snapshot: '.meta/snapshots/x.yaml',
        journal: { at: '2026-11-25T12:00:00Z', mode: 'component', changes: [], snapshot: '.meta/snapshots/x.yaml' },
        journalFile: '.meta/history/rollbacks/../../../manifests/components.yaml',
        checkouts: [],
      }),
    args: () => rollbackWeb,
    message: /^error: \.meta\/lock: intent\.journalFile: "\.meta\/history\/rollbacks\/\.\.\/\.\.\/\.\.\/manifests\/components\.yaml" is not what a rollback writes; remove \.meta\/lock if no rollback is running$/,
  },
  // Holds and known-good: names, envs, reasons and SHAs as strictly as everywhere else; holds.yaml read like any YAML.
  { name: 'hold add with shell metacharacters in the name', args: () => ['hold', 'add', `web-ui;touch ${PWNED}`, '--version', 'v1.0.0'], message: /^error: component: invalid component name "web-ui;touch / },
  { name: 'hold add of an unknown component', args: () => ['hold', 'add', 'web-uj', '--version', 'v1.0.0'], message: /^error: component: unknown component "web-uj"/ },
  { name: 'hold add with option injection through --version', args: () => ['hold', 'add', 'web-ui', `--version=--upload-pack=touch ${PWNED}`], message: /^error: --version: invalid ref name "--upload-pack=touch pwned-by-meta-rollback-test": starts with '-'$/ },
  { name: 'hold add of a commit that does not exist', args: () => ['hold', 'add', 'web-ui', '--commit', 'abcdef1234567'], message: /^error: --commit: commit "abcdef1234567" not found in web-ui/ },
  { name: 'hold add with --envs climbing out', args: () => ['hold', 'add', 'web-ui', '--version', 'v1.0.0', '--envs', 'prod,../x'], message: /^error: --envs: invalid environment name "\.\.\/x"/ },
  { name: 'hold add with a newline in --reason', args: () => ['hold', 'add', 'web-ui', '--version', 'v1.0.0', '--reason', 'a\nholds: []'], message: /^error: --reason: contains a control character/ },
  { name: 'hold add with both --version and --commit', args: (s) => ['hold', 'add', 'web-ui', '--version', 'v1.0.0', '--commit', sha(s)], message: /^error: hold add: give exactly one of --version or --commit$/ },
  { name: 'hold release with a --commit in upper case', args: () => ['hold', 'release', 'web-ui', '--commit', 'ABCDEF1'], message: /^error: --commit: "ABCDEF1" must be lowercase hex$/ },
  { name: 'check with an env climbing out', args: () => ['check', '--env', '../prod'], message: /^error: --env: invalid environment name "\.\.\/prod"/ },
  { name: 'health --push without --record', args: () => ['health', '--all', '--push'], message: /^error: --push: goes with --record$/ },
  { name: 'health --record for one component', args: () => ['health', '--component', 'web-ui', '--record'], message: /^error: --record: goes with --all/ },
  { name: '--rev known-good with none recorded', args: () => ['rollback', 'lock', LOCK, '--rev', 'known-good', '--env', 'prod'], message: /^error: --rev: no known-good state recorded for env prod/ },
  { name: 'a holds.yaml that is a link to /dev/zero', setup: (s) => symlinkSync('/dev/zero', join(s.meta, 'manifests/holds.yaml')), args: () => rollbackWeb, message: /^error: manifests\/holds\.yaml: not a regular file$/ },
  { name: 'a holds.yaml over the size limit', setup: (s) => write(s, 'manifests/holds.yaml', `holds: []\n#${'x'.repeat(16 * 1024 * 1024)}\n`), args: () => ['check'], message: /^error: manifests\/holds\.yaml: file is \d+ bytes, over the 16777216-byte limit$/ },
  { name: 'a holds.yaml with duplicate keys', setup: (s) => write(s, 'manifests/holds.yaml', `holds:\n  - component: web-ui\n    component: agent-core\n    commit: ${'a'.repeat(40)}\n`), args: () => ['hold', 'list'], message: /^error: manifests\/holds\.yaml:3: / },
  { name: 'a hold with an env that is a path', setup: (s) => write(s, 'manifests/holds.yaml', `holds:\n  - component: web-ui\n    commit: ${'a'.repeat(40)}\n    envs: [../prod]\n`), args: () => rollbackWeb, message: /^error: manifests\/holds\.yaml:4: holds\[0\]\.envs\[0\]: invalid environment name "\.\.\/prod"$/ },
  // The same refusals hold for the built CLI, in a real process.
  { name: '(process) option injection through --to-version', process: true, args: () => ['rollback', 'component', 'web-ui', `--to-version=--upload-pack=touch ${PWNED}`], message: /^error: --to-version: invalid ref name "--upload-pack=touch pwned-by-meta-rollback-test": starts with '-'$/ },
  { name: '(process) a --rev with shell metacharacters', process: true, args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', `$(touch ${PWNED})`], message: /^error: --rev: invalid revision "\$\(touch pwned-by-meta-rollback-test\)"$/ },
  {
    name: '(process) an ext:: repo in a lock read at a revision',
    process: true,
    setup: (s) => {
      edit(s, 'manifests/components.lock.yaml', (t) => t.replace(/repo: .*web-ui/, `repo: "ext::sh -c touch% ${PWNED}"`));
      commitIn(s, 'a hostile repo in the default lock');
    },
    args: () => ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD', '--env', 'prod'],
    message: /^error: manifests\/components\.lock\.yaml@HEAD:\d+: components\.web-ui\.repo: "ext::sh -c touch% pwned-by-meta-rollback-test" uses a '::' transport/,
  },
];

/** A .meta/lock left by a run of this host that is gone, with the intent given. */
function plantStaleLock(s: SampleSystem, intent: Record<string, unknown>): void {
  const owner = { pid: deadPid(), host: hostnameOf(), command: 'meta rollback component' };
  write(s, '.meta/lock', `${JSON.stringify({ owner, created_at: '2026-11-25T12:00:00Z', id: 'planted', intent })}\n`);
}

function hostnameOf(): string {
  return execFileSync('hostname', { encoding: 'utf8' }).trim();
}

/** What the action is given, and the one error it must fail with. */
export interface ActionCase {
  readonly name: string;
  readonly inputs: Record<string, string>;
  readonly message: RegExp;
  /**
   * Edits the runner's workspace first (it is put back afterwards). `outside` is a directory beside
   * the workspace holding a copy of the meta-repo's files: nothing may ever be written there.
   */
  readonly setup?: (workspace: string, outside: string) => void;
  /** A mode newer than the committed dist/: the case runs the action built from the current source. */
  readonly fromSource?: boolean;
}

const component = { mode: 'component', component: 'web-ui', env: 'prod' };
/** A tag's commit in web-ui's source repository, which the workspace's lock names by local path. */
const webUiCommit = (ws: string, tag: string) => {
  const repo = /web-ui:\n(?: {4}.*\n)*? {4}repo: (\S+)/.exec(readFileSync(join(ws, LOCK), 'utf8'))![1]!;
  return execFileSync('git', ['rev-parse', `${tag}^{commit}`], { cwd: repo, encoding: 'utf8' }).trim();
};
const wsEdit = (ws: string, rel: string, change: (text: string) => string) => writeFileSync(join(ws, rel), change(readFileSync(join(ws, rel), 'utf8')));

export const actionCases: ActionCase[] = [
  { name: 'a component name climbing out', inputs: { ...component, component: '../web-ui', 'to-version': 'v1.0.0' }, message: /^error: input component: invalid component name "\.\.\/web-ui"/ },
  { name: 'a component name with a newline', inputs: { ...component, component: 'web-ui\nmode: lock', 'to-version': 'v1.0.0' }, message: /^error: input component: invalid component name "web-ui\\nmode: lock"/ },
  { name: 'option injection through to-version', inputs: { ...component, 'to-version': `--upload-pack=touch ${PWNED}` }, message: /^error: input to-version: invalid ref name "--upload-pack=touch pwned-by-meta-rollback-test": starts with '-'$/ },
  { name: 'a to-version with a space and a semicolon', inputs: { ...component, 'to-version': 'v1.0.0; rm -rf /' }, message: /^error: input to-version: invalid ref name "v1\.0\.0; rm -rf \/"/ },
  { name: 'a to-version with $(command substitution)', inputs: { ...component, 'to-version': `v1$(touch\${IFS}${PWNED})`, health: 'false' }, message: /^error: input to-version: tag "v1\$\(touch\$\{IFS\}pwned-by-meta-rollback-test\)" not found in web-ui/ },
  { name: 'a to-commit in upper case', inputs: { ...component, 'to-commit': 'ABCDEF1234567' }, message: /^error: input to-commit: "ABCDEF1234567" must be lowercase hex$/ },
  { name: 'a to-commit of 65 digits', inputs: { ...component, 'to-commit': 'c'.repeat(65) }, message: /^error: input to-commit: not a commit SHA/ },
  { name: 'an env climbing out', inputs: { ...component, 'to-version': 'v1.0.0', env: '../prod' }, message: /^error: input env: invalid environment name "\.\.\/prod"/ },
  { name: 'a lock-file climbing out', inputs: { mode: 'lock', 'lock-file': '../../etc/passwd', env: 'prod' }, message: /^error: input lock-file: "\.\.\/\.\.\/etc\/passwd" climbs out of the meta-repo root$/ },
  { name: 'an absolute lock-file', inputs: { mode: 'lock', 'lock-file': '/etc/passwd', env: 'prod' }, message: /^error: input lock-file: "\/etc\/passwd" is absolute/ },
  { name: "a rev starting with '-'", inputs: { mode: 'lock', 'lock-file': LOCK, rev: '--output=/tmp/x', env: 'prod' }, message: /^error: input rev: invalid revision "--output=\/tmp\/x"$/ },
  { name: 'a rev with a newline', inputs: { mode: 'lock', 'lock-file': LOCK, rev: 'HEAD~1\n--all', env: 'prod' }, message: /^error: input rev: invalid revision "HEAD~1\\n--all"$/ },
  { name: 'a snapshot-file climbing out', inputs: { mode: 'snapshot', 'snapshot-action': 'restore', 'snapshot-file': '../../x.yaml', env: 'prod' }, message: /^error: input snapshot-file: "\.\.\/\.\.\/x\.yaml" climbs out of the meta-repo root$/ },
  { name: 'a store-hash climbing out', inputs: { mode: 'store', component: 'web-ui', 'store-hash': '../../x', env: 'prod' }, message: /^error: input store-hash: not a store hash/ },
  { name: 'a bisect good starting with -', inputs: { mode: 'bisect', env: 'prod', good: '--upload-pack=x', bad: 'HEAD' }, message: /^error: input good: invalid revision "--upload-pack=x"$/, fromSource: true },
  { name: 'a bisect bad with a newline', inputs: { mode: 'bisect', env: 'prod', good: 'HEAD~1', bad: 'HEAD\n--all' }, message: /^error: input bad: invalid revision "HEAD\\n--all"$/, fromSource: true },
  { name: 'bisect good and bad the same', inputs: { mode: 'bisect', env: 'prod', good: 'HEAD', bad: 'HEAD' }, message: /^error: input bad: "HEAD" is input good too/, fromSource: true },
  { name: 'rollback-culprits not a boolean', inputs: { mode: 'bisect', env: 'prod', good: 'HEAD~1', 'rollback-culprits': 'yes please' }, message: /^error: input rollback-culprits: "yes please" is not true or false$/, fromSource: true },
  { name: 'good outside mode bisect', inputs: { mode: 'lock', 'lock-file': LOCK, env: 'prod', good: 'HEAD~1' }, message: /^error: input good: only with mode bisect$/, fromSource: true },
  { name: 'rollback-culprits outside mode bisect', inputs: { mode: 'lock', 'lock-file': LOCK, env: 'prod', 'rollback-culprits': 'true' }, message: /^error: input rollback-culprits: only with mode bisect$/, fromSource: true },
  { name: 'a changeset id climbing out', inputs: { mode: 'changeset', changeset: '../x' }, message: /^error: input changeset: invalid changeset id "\.\.\/x"/ },
  { name: 'a base that is an option', inputs: { ...component, 'to-version': 'v1.0.0', base: '--upload-pack=x' }, message: /^error: input base: invalid ref name "--upload-pack=x": starts with '-'$/ },
  { name: 'a head branch with ..', inputs: { ...component, 'to-version': 'v1.0.0', branch: 'a..b' }, message: /^error: input branch: invalid ref name "a\.\.b": contains '\.\.'$/ },
  { name: 'a root climbing out of the workspace', inputs: { ...component, 'to-version': 'v1.0.0', root: '../..' }, message: /^error: input root: "\.\.\/\.\." climbs out of the workspace$/ },
  { name: 'a mode with shell metacharacters', inputs: { mode: 'component;id' }, message: /^error: input mode: "component;id" is not one of/ },
  { name: 'components with a path', inputs: { mode: 'snapshot', 'snapshot-action': 'create', components: 'web-ui,../x', env: 'prod' }, message: /^error: input components: invalid component name "\.\.\/x"/ },
  {
    name: 'an ext:: repo in the manifest',
    setup: (ws) => wsEdit(ws, MANIFEST, (t) => t.replace(/repo: .*web-ui/, `repo: "ext::sh -c touch% ${PWNED}"`)),
    inputs: { ...component, 'to-version': 'v1.0.0', health: 'false' },
    message: /^error: manifests\/components\.yaml:\d+: components\.web-ui\.repo: "ext::sh -c touch% pwned-by-meta-rollback-test" uses a '::' transport/,
  },
  {
    name: 'a "billion laughs" in the manifest',
    setup: (ws) => {
      const levels = ['x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 9; i++) levels.push(`x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      wsEdit(ws, MANIFEST, (t) => `${levels.join('\n')}\n${t.replace('    type: service\n', '    type: service\n    health: *a8\n')}`);
    },
    inputs: { mode: 'health', env: 'prod' },
    message: /^error: manifests\/components\.yaml:\d+: components\.agent-core\.health: aliases expand too far/,
  },
  {
    name: 'a lock over 16 MiB',
    setup: (ws) => wsEdit(ws, LOCK, (t) => `${t}${`# ${'x'.repeat(1022)}\n`.repeat(16 * 1024 + 1)}`),
    inputs: { ...component, 'to-version': 'v1.0.0', health: 'false' },
    message: /^error: manifests\/components\.lock\.prod\.yaml: file is \d+ bytes, over the 16777216-byte limit$/,
  },
  {
    name: 'a lock that is not UTF-8',
    setup: (ws) => writeFileSync(join(ws, LOCK), Buffer.concat([readFileSync(join(ws, LOCK)), Buffer.from([0xc3, 0x28, 0x0a])])),
    inputs: { ...component, 'to-version': 'v1.0.0', health: 'false' },
    message: /^error: manifests\/components\.lock\.prod\.yaml: not valid UTF-8$/,
  },
  {
    name: 'a source lock naming a component not in the manifest',
    setup: (ws) => writeFileSync(join(ws, 'manifests/components.lock.staging.yaml'), `components:\n  ghost:\n    version: v1.0.0\n    commit: ${'d'.repeat(40)}\n`),
    inputs: { mode: 'lock', 'lock-file': 'manifests/components.lock.staging.yaml', env: 'prod', health: 'false' },
    message: /^error: manifests\/components\.lock\.staging\.yaml: components\.ghost: unknown component "ghost"/,
  },
  // root: only the checked-out meta-repo, never a path or a link out of GITHUB_WORKSPACE.
  { name: 'an absolute root outside the workspace', inputs: { ...component, 'to-version': 'v1.0.0', root: '<outside>' }, message: /^error: input root: ".*" is outside the workspace \(GITHUB_WORKSPACE\)$/ },
  { name: 'a root that is a link out of the workspace', setup: (ws, out) => symlinkSync(out, join(ws, 'outside-link')), inputs: { ...component, 'to-version': 'v1.0.0', root: 'outside-link' }, message: /^error: input root: "outside-link" leads outside the workspace \(GITHUB_WORKSPACE\) through a symbolic link$/ },
  { name: 'a root below a link out of the workspace', setup: (ws, out) => symlinkSync(join(out, '..'), join(ws, 'up-link')), inputs: { ...component, 'to-version': 'v1.0.0', root: 'up-link/outside' }, message: /^error: input root: "up-link\/outside" leads outside the workspace \(GITHUB_WORKSPACE\) through a symbolic link$/ },
  { name: 'a root with an escape character', inputs: { ...component, 'to-version': 'v1.0.0', root: 'meta\x1bx' }, message: /^error: input root: "meta\\u001bx" contains a control character$/ },
  { name: 'a root that does not exist', inputs: { ...component, 'to-version': 'v1.0.0', root: 'no-such-dir' }, message: /^error: input root: "no-such-dir" does not exist in the workspace$/ },
  { name: 'a root without a manifest', inputs: { ...component, 'to-version': 'v1.0.0', root: 'manifests' }, message: /^error: input root: ".*\/manifests" has no manifests\/components\.yaml$/ },
  // Paths inside the meta-repo, named as the workflow author wrote them.
  { name: 'a lock-file through a link out of the workspace', setup: (ws, out) => symlinkSync(out, join(ws, 'outside-link')), inputs: { mode: 'lock', 'lock-file': 'outside-link/manifests/components.lock.prod.yaml', env: 'prod' }, message: /^error: input lock-file: "outside-link\/manifests\/components\.lock\.prod\.yaml" leads outside the meta-repo root through a symbolic link$/ },
  { name: 'a lock-file with a newline', inputs: { mode: 'lock', 'lock-file': 'manifests/x\n.yaml', env: 'prod' }, message: /^error: input lock-file: "manifests\/x\\n\.yaml" contains a control character$/ },
  { name: 'a lock-file that does not exist', inputs: { mode: 'lock', 'lock-file': 'manifests/components.lock.nope.yaml', env: 'prod' }, message: /^error: input lock-file: "manifests\/components\.lock\.nope\.yaml": no such file$/ },
  { name: 'a snapshot-file written through a link out of the workspace', setup: (ws, out) => symlinkSync(out, join(ws, 'outside-link')), inputs: { mode: 'snapshot', 'snapshot-action': 'create', 'snapshot-file': 'outside-link/snap.yaml', env: 'prod' }, message: /^error: input snapshot-file: "outside-link\/snap\.yaml" leads outside the meta-repo root through a symbolic link$/ },
  { name: 'a snapshot-file restored through a link out of the workspace', setup: (ws, out) => symlinkSync(out, join(ws, 'outside-link')), inputs: { mode: 'snapshot', 'snapshot-action': 'restore', 'snapshot-file': 'outside-link/manifests/components.lock.prod.yaml', env: 'prod' }, message: /^error: input snapshot-file: "outside-link\/manifests\/components\.lock\.prod\.yaml" leads outside the meta-repo root through a symbolic link$/ },
  { name: 'an absolute snapshot-file', inputs: { mode: 'snapshot', 'snapshot-action': 'create', 'snapshot-file': '/tmp/snap.yaml', env: 'prod' }, message: /^error: input snapshot-file: "\/tmp\/snap\.yaml" is absolute/ },
  { name: 'a snapshot-file with a tab', inputs: { mode: 'snapshot', 'snapshot-action': 'create', 'snapshot-file': 'snap\t.yaml', env: 'prod' }, message: /^error: input snapshot-file: "snap\\t\.yaml" contains a control character$/ },
  // Lists and names.
  { name: 'components with an empty name between commas', inputs: { mode: 'snapshot', 'snapshot-action': 'create', components: 'web-ui,,agent-core', env: 'prod' }, message: /^error: input components: "web-ui,,agent-core" has an empty name; separate names with single commas$/ },
  { name: 'components with a trailing comma', inputs: { mode: 'lock', 'lock-file': LOCK, components: 'web-ui,', env: 'prod' }, message: /^error: input components: "web-ui," has an empty name/ },
  { name: 'components with a shell separator', inputs: { mode: 'health', components: `web-ui;touch ${PWNED}`, env: 'prod' }, message: /^error: input components: invalid component name "web-ui;touch pwned-by-meta-rollback-test"/ },
  { name: 'components naming an unknown component', inputs: { mode: 'snapshot', 'snapshot-action': 'create', components: 'web-ui,ghost', env: 'prod' }, message: /^error: input components: unknown component "ghost"/ },
  { name: 'an unknown component', inputs: { ...component, component: 'ghost', 'to-version': 'v1.0.0' }, message: /^error: input component: unknown component "ghost"/ },
  { name: 'a component name that is an option', inputs: { ...component, component: '--help', 'to-version': 'v1.0.0' }, message: /^error: input component: invalid component name "--help"/ },
  { name: 'a component name of 300 characters', inputs: { ...component, component: 'c'.repeat(300), 'to-version': 'v1.0.0' }, message: /^error: input component: invalid component name "c{200}…"/ },
  { name: 'no mode', inputs: { mode: '' }, message: /^error: input mode: required \(one of component, lock, store, snapshot, changeset, list, health/ },
  { name: 'a mode that is not one', inputs: { mode: 'rollback' }, message: /^error: input mode: "rollback" is not one of/ },
  { name: 'a mode with a newline', inputs: { mode: 'lock\nhealth' }, message: /^error: input mode: "lock\\nhealth" is not one of/ },
  // Versions, commits, revisions, hashes.
  { name: 'both to-version and to-commit', inputs: { ...component, 'to-version': 'v1.0.0', 'to-commit': 'abcdef1' }, message: /^error: input to-version \/ to-commit: give exactly one with mode component$/ },
  { name: 'neither to-version nor to-commit', inputs: { ...component }, message: /^error: input to-version \/ to-commit: give exactly one with mode component$/ },
  { name: 'a to-version with a bell character', inputs: { ...component, 'to-version': 'v1\x07' }, message: /^error: input to-version: invalid ref name "v1\\u0007"/ },
  { name: 'a to-version of 300 characters', inputs: { ...component, 'to-version': `v${'1'.repeat(299)}` }, message: /^error: input to-version: invalid ref name/ },
  { name: 'a to-commit of 6 digits', inputs: { ...component, 'to-commit': 'abcdef' }, message: /^error: input to-commit: not a commit SHA/ },
  { name: 'a to-commit that is not hex', inputs: { ...component, 'to-commit': 'zzzzzzz' }, message: /^error: input to-commit: not a commit SHA/ },
  { name: 'a to-commit that no tag or commit has', inputs: { ...component, 'to-commit': 'abcdef1234567', health: 'false' }, message: /^error: input to-commit: / },
  { name: 'a rev that is a range', inputs: { mode: 'lock', 'lock-file': LOCK, rev: 'HEAD~2..HEAD', env: 'prod' }, message: /^error: input rev: invalid revision "HEAD~2\.\.HEAD"$/ },
  { name: 'a rev of 300 characters', inputs: { mode: 'lock', 'lock-file': LOCK, rev: `v${'1'.repeat(299)}`, env: 'prod' }, message: /^error: input rev: invalid revision/ },
  { name: 'a rev with $(command substitution)', inputs: { mode: 'lock', 'lock-file': LOCK, rev: `$(touch ${PWNED})`, env: 'prod' }, message: /^error: input rev: invalid revision "\$\(touch pwned-by-meta-rollback-test\)"$/ },
  { name: 'a store-hash of 3 digits', inputs: { mode: 'store', component: 'web-ui', 'store-hash': 'abc', env: 'prod' }, message: /^error: input store-hash: not a store hash/ },
  { name: 'a store-hash in upper case', inputs: { mode: 'store', component: 'web-ui', 'store-hash': 'ABCDEF0123', env: 'prod' }, message: /^error: input store-hash: / },
  { name: 'a store-hash no entry has', inputs: { mode: 'store', component: 'web-ui', 'store-hash': 'deadbeefdeadbeef', env: 'prod' }, message: /^error: input store-hash: / },
  { name: 'a store-branch that is an option', inputs: { mode: 'store', component: 'web-ui', 'store-hash': 'deadbeefdeadbeef', 'store-branch': '--upload-pack=x', env: 'prod' }, message: /^error: input store-branch: invalid ref name "--upload-pack=x": starts with '-'$/ },
  { name: 'a store-branch with ..', inputs: { mode: 'list', 'store-branch': 'store/../main' }, message: /^error: input store-branch: invalid ref name "store\/\.\.\/main": contains '\.\.'$/ },
  // Choices and numbers.
  { name: 'a snapshot-action that is not one', inputs: { mode: 'snapshot', 'snapshot-action': 'delete', env: 'prod' }, message: /^error: input snapshot-action: "delete" is not one of create, restore$/ },
  { name: 'mode snapshot without snapshot-action', inputs: { mode: 'snapshot', env: 'prod' }, message: /^error: input snapshot-action: required with mode snapshot$/ },
  { name: 'a snapshot restore without snapshot-file', inputs: { mode: 'snapshot', 'snapshot-action': 'restore', env: 'prod' }, message: /^error: input snapshot-file: required with mode snapshot$/ },
  { name: 'a group-size of 0', inputs: { mode: 'list', 'group-size': '0' }, message: /^error: input group-size: "0" is not a whole number from 1 to 100000$/ },
  { name: 'a group-size in words', inputs: { mode: 'list', 'group-size': 'ten' }, message: /^error: input group-size: "ten" is not a whole number/ },
  { name: 'a group-size of 1e9', inputs: { mode: 'list', 'group-size': '1e9' }, message: /^error: input group-size: "1e9" is not a whole number/ },
  { name: 'a changeset id with a shell separator', inputs: { mode: 'changeset', changeset: `CS-1;touch ${PWNED}` }, message: /^error: input changeset: invalid changeset id "CS-1;touch pwned-by-meta-rollback-test"/ },
  { name: 'mode changeset without changeset', inputs: { mode: 'changeset' }, message: /^error: input changeset: required with mode changeset$/ },
  { name: 'an env with a slash', inputs: { ...component, 'to-version': 'v1.0.0', env: 'prod/x' }, message: /^error: input env: invalid environment name "prod\/x"/ },
  { name: 'an env that is an option', inputs: { ...component, 'to-version': 'v1.0.0', env: '--help' }, message: /^error: input env: invalid environment name "--help"/ },
  { name: 'an env of 300 characters', inputs: { ...component, 'to-version': 'v1.0.0', env: 'e'.repeat(300) }, message: /^error: input env: invalid environment name/ },
  { name: 'an env that has no lock', inputs: { ...component, 'to-version': 'v1.0.0', env: 'qa' }, message: /^error: input env: "qa" has no lock \(manifests\/components\.lock\.qa\.yaml\); envs with a lock: prod$/ },
  { name: 'a token with a newline (a second header line)', inputs: { ...component, 'to-version': 'v1.0.0', token: 'ghs_x\nX-Evil: 1' }, message: /^error: input token: contains white space or a control character \(the value is not shown\)$/ },
  { name: 'a components-token with a space', inputs: { ...component, 'to-version': 'v1.0.0', 'components-token': 'ghs_a ghs_b' }, message: /^error: input components-token: contains white space or a control character \(the value is not shown\)$/ },
  { name: 'an empty token', inputs: { ...component, 'to-version': 'v1.0.0', token: '', health: 'false' }, message: /^error: input token: empty/ },
  { name: 'a pull-request that is not one', inputs: { ...component, 'to-version': 'v1.0.0', 'pull-request': 'yes' }, message: /^error: input pull-request: "yes" is not one of open, merge, auto-merge, none$/ },
  { name: 'a pull-request with a shell separator', inputs: { ...component, 'to-version': 'v1.0.0', 'pull-request': 'merge;id' }, message: /^error: input pull-request: "merge;id" is not one of/ },
  { name: 'a merge-method that is not one', inputs: { ...component, 'to-version': 'v1.0.0', 'merge-method': 'fast-forward' }, message: /^error: input merge-method: "fast-forward" is not one of merge, squash, rebase$/ },
  { name: 'a base with a space', inputs: { ...component, 'to-version': 'v1.0.0', base: 'main branch' }, message: /^error: input base: invalid ref name "main branch"/ },
  { name: 'a base of 300 characters', inputs: { ...component, 'to-version': 'v1.0.0', base: 'b'.repeat(300) }, message: /^error: input base: invalid ref name/ },
  { name: 'a branch ending in .lock', inputs: { ...component, 'to-version': 'v1.0.0', branch: 'rollback.lock' }, message: /^error: input branch: invalid ref name "rollback\.lock"/ },
  { name: 'a branch that is an option', inputs: { ...component, 'to-version': 'v1.0.0', branch: '-f' }, message: /^error: input branch: invalid ref name "-f": starts with '-'$/ },
  { name: 'a branch that is the base', inputs: { ...component, 'to-version': 'v1.0.0', branch: 'main', base: 'main' }, message: /^error: input branch: "main" is the base branch too; the head branch must be another$/ },
  { name: 'a branch that is the default branch', inputs: { ...component, 'to-version': 'v1.0.0', branch: 'main', health: 'false' }, message: /^error: input branch: "main" is the base branch too; the head branch must be another$/ },
  // Known-good and holds.
  { name: 'record-known-good: yes', inputs: { mode: 'health', env: 'prod', 'record-known-good': 'yes' }, message: /^error: input record-known-good: "yes" is not true or false$/ },
  { name: 'record-known-good: ture', inputs: { mode: 'health', env: 'prod', 'record-known-good': 'ture' }, message: /^error: input record-known-good: "ture" is not true or false$/ },
  { name: 'hold: no', inputs: { ...component, 'to-version': 'v1.0.0', hold: 'no' }, message: /^error: input hold: "no" is not true or false$/ },
  { name: 'hold: 0', inputs: { ...component, 'to-version': 'v1.0.0', hold: '0' }, message: /^error: input hold: "0" is not true or false$/ },
  { name: 'rev: known-good with none recorded', inputs: { mode: 'lock', 'lock-file': LOCK, rev: 'known-good', env: 'prod' }, message: /^error: input rev: no known-good state recorded for env prod \(refs\/meta-rollback\/known-good\/prod\)/ },
  { name: 'mode check with a hold naming an unknown component', setup: (ws) => writeFileSync(join(ws, 'manifests/holds.yaml'), `holds:\n  - component: ghost\n    commit: ${'a'.repeat(40)}\n`), inputs: { mode: 'check' }, message: /^error: manifests\/holds\.yaml:2: holds\[0\]\.component: unknown component "ghost"/ },
  { name: 'mode check with an env climbing out', inputs: { mode: 'check', env: '../prod' }, message: /^error: input env: invalid environment name "\.\.\/prod"/ },
  { name: 'a rollback onto a held commit', setup: (ws) => writeFileSync(join(ws, 'manifests/holds.yaml'), `holds:\n  - component: web-ui\n    commit: ${webUiCommit(ws, 'v1.0.0')}\n    reason: broke checkout\n`), inputs: { ...component, 'to-version': 'v1.0.0' }, message: /^error: manifests\/holds\.yaml:2: web-ui [0-9a-f]{12} \([0-9a-f]{12}\) is held for every env: broke checkout; release it first/ },
  // Booleans: anything but true/false is refused, never read as false.
  { name: 'health: yes', inputs: { ...component, 'to-version': 'v1.0.0', health: 'yes' }, message: /^error: input health: "yes" is not true or false$/ },
  { name: 'health: ture', inputs: { ...component, 'to-version': 'v1.0.0', health: 'ture' }, message: /^error: input health: "ture" is not true or false$/ },
  { name: 'rollback-on-unhealthy: 1', inputs: { mode: 'health', env: 'prod', 'rollback-on-unhealthy': '1' }, message: /^error: input rollback-on-unhealthy: "1" is not true or false$/ },
  { name: 'rollback-on-unhealthy with mode component', inputs: { ...component, 'to-version': 'v1.0.0', 'rollback-on-unhealthy': 'true' }, message: /^error: input rollback-on-unhealthy: only with mode health$/ },
  { name: 'dry-run: on', inputs: { ...component, 'to-version': 'v1.0.0', 'dry-run': 'on' }, message: /^error: input dry-run: "on" is not true or false$/ },
  { name: 'sign-commits: yes', inputs: { ...component, 'to-version': 'v1.0.0', 'sign-commits': 'yes' }, message: /^error: input sign-commits: "yes" is not true or false$/ },
  { name: 'a merge-timeout in words', inputs: { ...component, 'to-version': 'v1.0.0', 'merge-timeout': '10 minutes' }, message: /^error: input merge-timeout: "10 minutes" is not a duration from 1s to 6h, such as 90s, 10m or 1h$/ },
  { name: 'a merge-timeout of 0', inputs: { ...component, 'to-version': 'v1.0.0', 'merge-timeout': '0s' }, message: /^error: input merge-timeout: "0s" is not a duration/ },
  { name: 'a merge-timeout over a job\'s 6 hours', inputs: { ...component, 'to-version': 'v1.0.0', 'merge-timeout': '7h' }, message: /^error: input merge-timeout: "7h" is not a duration/ },
  { name: 'dry-run: flase', inputs: { ...component, 'to-version': 'v1.0.0', 'dry-run': 'flase' }, message: /^error: input dry-run: "flase" is not true or false$/ },
];
