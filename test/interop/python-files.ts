import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { commitFiles, initRepo } from '../../scripts/lib/sample-system.mjs';

/**
 * Files laid out and spelled the way the Python `meta` CLI writes them, built from what its source
 * does: PyYAML's `yaml.dump` (block style; `sort_keys=False` for locks and snapshots, sorted keys
 * for changesets; lists not indented under their key; a string quoted where YAML 1.1 would read it
 * as something else), `json.dump(..., indent=2)` for store metadata, UTC timestamps with
 * microseconds and a trailing `Z`. None of the tool's code is used.
 */

/** A scalar as PyYAML's dumper prints it: plain unless YAML 1.1 would read it as a non-string. */
export function pyScalar(value: string | null): string {
  if (value === null) return 'null';
  const yaml11 =
    value === '' ||
    /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(value) ||
    /^[-+]?(?:0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+][0-9]+)?|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/.test(value) ||
    /^\d{4}-\d\d?-\d\d?(?:[Tt ]|$)/.test(value) ||
    /^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|:$/.test(value);
  return yaml11 ? `'${value.replace(/'/g, "''")}'` : value;
}

/** A microsecond UTC timestamp as `datetime.utcnow().isoformat() + "Z"` prints it. */
export const PY_NOW = '2026-11-21T10:00:00.123456Z';

export interface PyPin {
  readonly name: string;
  readonly version: string;
  readonly commit?: string;
  readonly repo: string;
  readonly dependsOn?: readonly string[];
}

function dependsOnLines(pin: PyPin, indent: string): string[] {
  if (!pin.dependsOn?.length) return [`${indent}depends_on: []`];
  return [`${indent}depends_on:`, ...pin.dependsOn.map((d) => `${indent}- ${pyScalar(d)}`)];
}

/** `meta lock --env ENV` in reference mode (`environment_locks.py`). */
export function pyReferenceLock(env: string | undefined, pins: readonly PyPin[]): string {
  const lines = [`generated_at: '${PY_NOW}'`];
  if (env !== undefined) lines.push(`environment: ${pyScalar(env)}`);
  lines.push('mode: reference', 'components:');
  for (const pin of pins) {
    lines.push(`  ${pin.name}:`, `    version: ${pyScalar(pin.version)}`, `    commit: ${pyScalar(pin.commit ?? null)}`, `    repo: ${pyScalar(pin.repo)}`, '    type: service', '    build_target: null');
    lines.push(...dependsOnLines(pin, '    '));
    if (env !== undefined) lines.push(`    environment: ${pyScalar(env)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `meta lock --env ENV` in vendored mode: versions, no commits. */
export function pyVendoredLock(env: string, pins: readonly PyPin[]): string {
  const lines = [`generated_at: '${PY_NOW}'`, `environment: ${pyScalar(env)}`, 'mode: vendored', 'components:'];
  for (const pin of pins) {
    lines.push(`  ${pin.name}:`, `    version: ${pyScalar(pin.version)}`, `    repo: ${pyScalar(pin.repo)}`, '    type: service', '    build_target: null');
    lines.push(...dependsOnLines(pin, '    '), `    environment: ${pyScalar(env)}`, `    vendored_at: '2026-11-19T09:00:00.654321'`);
  }
  return `${lines.join('\n')}\n`;
}

/** A vendored component: its sources copied into components/NAME without .git, plus .vendor-info.yaml. */
export function writeVendoredComponent(meta: string, name: string, version: string, files: Record<string, string>): string {
  const dir = join(meta, 'components', name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  writeFileSync(join(dir, '.vendor-info.yaml'), `name: ${pyScalar(name)}\nversion: ${pyScalar(version)}\nvendored_at: '2026-11-19T09:00:00.654321'\n`);
  return dir;
}

/** `meta rollback snapshot` (`rollback.py`): version and commit of each checkout, no environment or repo. */
export function pySnapshot(pins: ReadonlyArray<{ name: string; version: string | null; commit: string | null }>): string {
  const lines = [`created_at: '${PY_NOW}'`, 'components:'];
  for (const pin of pins) lines.push(`  ${pin.name}:`, `    version: ${pyScalar(pin.version)}`, `    commit: ${pyScalar(pin.commit)}`);
  return `${lines.join('\n')}\n`;
}

export interface PyChangesetRepo {
  readonly name: string;
  readonly repo: string;
  readonly commit: string;
  readonly branch: string;
  readonly message: string;
}

/** A changeset file as `save_changeset` writes it (`yaml.dump` with sorted keys), and its index. */
export function pyChangeset(id: string, description: string, status: string, repos: readonly PyChangesetRepo[]): string {
  const lines = ['author: dev', `description: ${pyScalar(description)}`, `id: ${pyScalar(id)}`, 'metadata: {}'];
  if (repos.length === 0) lines.push('repos: []');
  else {
    lines.push('repos:');
    for (const r of repos) {
      lines.push(`- branch: ${pyScalar(r.branch)}`, `  commit: ${pyScalar(r.commit)}`, `  message: ${pyScalar(r.message)}`, `  name: ${pyScalar(r.name)}`, `  repo: ${pyScalar(r.repo)}`);
    }
  }
  lines.push(`status: ${pyScalar(status)}`, `timestamp: '2026-11-21T10:00:00.123456'`);
  return `${lines.join('\n')}\n`;
}

export function pyChangesetIndex(ids: readonly string[]): string {
  return `changesets:\n${ids.map((id) => `- ${pyScalar(id)}`).join('\n')}\n`;
}

export interface PyStoreEntry {
  /** The entry's name: a hash of the build inputs, as `compute_build_inputs_hash` makes it. */
  readonly hash: string;
  readonly dir: string;
  readonly metadataFile: string;
}

/**
 * `compute_build_inputs_hash` for a component without a checkout and without dependency checkouts:
 * sha256 of `json.dumps(inputs, sort_keys=True)`.
 */
export function pyInputsHash(component: string, version: string, type: string, dependencies: readonly string[]): string {
  const json = `{"build_target": "", "component": ${JSON.stringify(component)}, "dependencies": ${JSON.stringify([...dependencies].sort()).replace(/","/g, '", "')}, "dependency_hashes": {}, "source_hash": "", "type": ${JSON.stringify(type)}, "version": ${JSON.stringify(version)}}`;
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/**
 * `meta store add NAME --source PATH`: the source copied whole (a file, or a directory with
 * everything in it, .git included) to `.meta-store/<hash[0:2]>/<hash>`, and its metadata beside it.
 */
export function writePyStoreEntry(
  meta: string,
  entry: { hash: string; component: string; source: string; sourcePath: string; outputHash: string; storeDir?: string },
): PyStoreEntry {
  const base = join(meta, entry.storeDir ?? '.meta-store', entry.hash.slice(0, 2));
  mkdirSync(base, { recursive: true });
  const dir = join(base, entry.hash);
  cpSync(entry.source, dir, { recursive: true });
  const metadataFile = `${dir}.metadata.json`;
  const metadata = { content_hash: entry.hash, created_at: PY_NOW, source_path: entry.sourcePath, component: entry.component, output_hash: entry.outputHash };
  writeFileSync(metadataFile, JSON.stringify(metadata, null, 2));
  return { hash: entry.hash, dir, metadataFile };
}

/**
 * A build output directory with a .git of its own (a copy of a checkout) and files that the Python
 * hash skips or orders in its own way. Its output hash below was computed with Python from these
 * exact bytes, by the rule of `content_hash.py` (relative paths, `.git` & co. skipped anywhere).
 */
export function pyBuildOutput(dir: string): string {
  initRepo(dir);
  commitFiles(
    dir,
    {
      VERSION: 'v0.9.0\n',
      'src/app.txt': 'web-ui build 0.9\n',
      'a-b.txt': 'dash\n',
      'a/b.txt': 'slash\n',
      'caf\u00e9.txt': 'unicode\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'node_modules/left-pad/index.js': 'module.exports = 1\n',
      '.gitignore': 'dist/\n',
    },
    'build output',
  );
  return dir;
}

/** Python's `compute_build_output_hash` of the directory pyBuildOutput makes (given as `build/web-ui`). */
export const PY_BUILD_OUTPUT_HASH = '1469a5565d21bd69b916dd989fa0aae74c16b4969d1df95e92cdcc6e34641506';

/** Python's `compute_build_output_hash` of a single file holding `tarball bytes\n`. */
export const PY_FILE_OUTPUT_HASH = 'cd6c2da44de2b22fb5fe535c7b5e095b65a86120b7a908b4cebcf61f6ac2e341';

/** The files of pyBuildOutput that the hash covers (and a restore writes). */
export const PY_BUILD_OUTPUT_FILES = ['VERSION', 'a-b.txt', 'a/b.txt', 'caf\u00e9.txt', 'src/app.txt'].sort();

/** How the Python CLI reads a YAML file (`yaml.safe_load`: YAML 1.1). */
export function pyLoad(text: string): unknown {
  return parse(text, { version: '1.1' });
}

/**
 * `validate_lock_file` (`lock.py`), behind `meta lock validate --env ENV`: every manifest component
 * is in the lock and back, and each lock version equals the manifest's. Returns the errors it prints.
 */
export function pyValidateLock(manifestText: string, lockText: string): string[] {
  const components = ((pyLoad(manifestText) as { components?: Record<string, { version?: unknown }> }).components ?? {}) as Record<string, { version?: unknown }>;
  const locked = ((pyLoad(lockText) as { components?: Record<string, { version?: unknown }> } | null)?.components ?? {}) as Record<string, { version?: unknown }>;
  const errors: string[] = [];
  if (Object.keys(locked).length === 0) return ['Lock file is empty or missing'];
  for (const name of Object.keys(components)) if (!(name in locked)) errors.push(`Component ${name} in manifest but not in lock file`);
  for (const name of Object.keys(locked)) if (!(name in components)) errors.push(`Component ${name} in lock file but not in manifest`);
  for (const [name, comp] of Object.entries(components)) {
    if (name in locked && comp.version !== locked[name]!.version) errors.push(`Version mismatch for ${name}: manifest=${String(comp.version)}, lock=${String(locked[name]!.version)}`);
  }
  return errors;
}
