// Builds a throwaway meta-repo and its component repositories on disk: used by the demo, the
// tests and the benchmark, so all three exercise the same realistic layout.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BASE_TIME = Date.parse('2026-11-01T00:00:00Z') / 1000;
let clock = 0;

/** Runs git with an argument array and a fixed identity, so it works on a machine with no git config. */
export function git(cwd, args, extraEnv = {}) {
  clock += 60;
  const date = `${BASE_TIME + clock} +0000`;
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Sample Author',
      GIT_AUTHOR_EMAIL: 'author@example.invalid',
      GIT_COMMITTER_NAME: 'Sample Author',
      GIT_COMMITTER_EMAIL: 'author@example.invalid',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      ...extraEnv,
    },
  }).trim();
}

export function initRepo(dir) {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'user.name', 'Sample Author']);
  git(dir, ['config', 'user.email', 'author@example.invalid']);
  git(dir, ['config', 'advice.detachedHead', 'false']);
  git(dir, ['config', 'protocol.file.allow', 'always']);
}

export function commitFiles(dir, files, message) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--allow-empty', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']);
}

/**
 * Creates a component repository with one commit and tag per version (every other tag annotated)
 * and returns { name, dir, versions: [{ tag, commit }] }.
 */
export function createComponentRepo(dir, name, versions, { extraCommits = 0, fileBytes = 0 } = {}) {
  initRepo(dir);
  const out = [];
  versions.forEach((tag, i) => {
    for (let k = 0; k < extraCommits; k++) {
      commitFiles(dir, { [`src/change-${k % 20}.txt`]: `${name} ${tag} change ${k}\n` }, `${name}: work towards ${tag} (${k})`);
    }
    const files = { VERSION: `${tag}\n`, 'src/app.txt': `${name} at ${tag}\n` };
    if (fileBytes > 0) files['assets/blob.bin'] = `${tag}`.repeat(Math.ceil(fileBytes / tag.length)).slice(0, fileBytes);
    const commit = commitFiles(dir, files, `${name}: release ${tag}`);
    if (i % 2 === 1) git(dir, ['tag', '-a', tag, '-m', `${name} ${tag}`]);
    else git(dir, ['tag', tag]);
    out.push({ tag, commit });
  });
  return { name, dir, versions: out };
}

export function lockText({ env, generatedAt, pins }) {
  const lines = [
    '# Pins for every component. Written by the release pipeline; edited by rollbacks.',
    `generated_at: '${generatedAt}'`,
  ];
  if (env) lines.push(`environment: ${env}`);
  lines.push('components:');
  for (const pin of pins) {
    lines.push(`  ${pin.name}:`);
    lines.push(`    version: ${pin.version}`);
    lines.push(`    commit: ${pin.commit}   # ${pin.name} ${pin.version}`);
    lines.push(`    repo: ${pin.repo}`);
    lines.push(`    type: service`);
    if (pin.dependsOn?.length) lines.push(`    depends_on: [${pin.dependsOn.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The text of manifests/components.yaml for the given components ({ name, repo, version?, type?,
 * dependsOn? }), in the layout createSampleSystem writes; the benchmark builds its large systems with it.
 */
export function manifestText(components, { header = '# Component list of the sample system.' } = {}) {
  const lines = [header, 'components:'];
  for (const c of components) {
    lines.push(`  ${c.name}:`, `    repo: ${c.repo}`);
    if (c.version) lines.push(`    version: ${c.version}`);
    lines.push(`    type: ${c.type ?? 'service'}`);
    if (c.dependsOn?.length) lines.push(`    depends_on: [${c.dependsOn.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A meta-repo whose lock history has two revisions: HEAD~1 pins every component at its
 * second-newest version, HEAD at its newest. Checkouts (components/<name>) are made for the
 * listed components and sit at the newest pin.
 */
export function createSampleSystem(base, options = {}) {
  const names = options.names ?? ['agent-core', 'scraper-capabilities', 'web-ui'];
  const versions = options.versions ?? ['v1.0.0', 'v1.1.0', 'v1.2.0'];
  const envs = options.envs ?? ['prod'];
  const checkouts = options.checkouts ?? names;
  const components = names.map((name, i) => ({
    ...createComponentRepo(join(base, 'repos', name), name, versions, { extraCommits: options.extraCommits ?? 0, fileBytes: options.fileBytes ?? 0 }),
    dependsOn: i > 0 && options.chain !== false ? [names[0]] : [],
  }));
  const meta = join(base, 'meta');
  initRepo(meta);
  const manifest = ['# Component list of the sample system.', 'components:'];
  for (const c of components) {
    manifest.push(`  ${c.name}:`, `    repo: ${c.dir}`, `    version: ${versions[versions.length - 1]}`, '    type: service');
    if (c.dependsOn.length) manifest.push(`    depends_on: [${c.dependsOn.join(', ')}]`);
  }
  const pinsAt = (index) =>
    components.map((c) => ({ name: c.name, version: c.versions[index].tag, commit: c.versions[index].commit, repo: c.dir, dependsOn: c.dependsOn }));
  const lockFiles = (index, stamp) => {
    const files = { 'manifests/components.lock.yaml': lockText({ generatedAt: stamp, pins: pinsAt(index) }) };
    for (const env of envs) files[`manifests/components.lock.${env}.yaml`] = lockText({ env, generatedAt: stamp, pins: pinsAt(index) });
    return files;
  };
  commitFiles(
    meta,
    {
      'manifests/components.yaml': `${manifest.join('\n')}\n`,
      'manifests/environments.yaml': `environments: [${envs.join(', ')}]\n`,
      '.gitignore': 'components/\n',
      ...lockFiles(versions.length - 2, '2026-11-19T09:00:00Z'),
    },
    'Pin the previous release',
  );
  commitFiles(meta, lockFiles(versions.length - 1, '2026-11-20T10:36:00Z'), 'Release: pin the newest versions');
  for (const c of components) {
    if (!checkouts.includes(c.name)) continue;
    const dir = join(meta, 'components', c.name);
    git(meta, ['clone', '--quiet', c.dir, dir]);
    git(dir, ['checkout', '--quiet', '--detach', c.versions[versions.length - 1].commit]);
  }
  return { base, meta, components };
}

/** Gives `component` an http health check against `url` (no retries, 5 s) in a commit of its own. */
export function addHttpHealthCheck(meta, component, url) {
  const manifest = join(meta, 'manifests', 'components.yaml');
  const text = readFileSync(manifest, 'utf8');
  const block = new RegExp(`( {2}${component}:\\n(?: {4}.*\\n)*)`);
  if (!block.test(text)) throw new Error(`${component} is not in ${manifest}`);
  writeFileSync(manifest, text.replace(block, `$1    health:\n      - name: api\n        http: ${url}\n        retries: 0\n        timeout: 5\n`));
  git(meta, ['commit', '--quiet', '-am', `Add a health check for ${component}`]);
}
