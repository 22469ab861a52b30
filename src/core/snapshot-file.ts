import type { Node } from 'yaml';
import { renderScalar } from './lock-edit.js';
import { writeFileAtomic } from './atomic-write.js';
import { isValidComponentName, quote, versionProblem } from './names.js';
import type { Pin } from './lock.js';
import { repoUrlProblem } from './repo-url.js';
import { entries, fail, mapAt, optionalStringAt, readYamlFile, stringAt, type YamlFile } from './yaml-source.js';

export interface SnapshotPin extends Pin {
  readonly repo?: string;
}

export interface Snapshot {
  readonly createdAt: string;
  readonly environment?: string;
  readonly components: ReadonlyMap<string, SnapshotPin>;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * YAML unless the file name ends in .json; both read back through the same YAML parser. The YAML
 * is written by hand, quoting whatever a YAML 1.1 reader would turn into a date or a number.
 */
export function renderSnapshot(snapshot: Snapshot, path: string): string {
  const sorted = [...snapshot.components].sort(([a], [b]) => a.localeCompare(b));
  if (path.endsWith('.json')) {
    const components = Object.fromEntries(sorted.map(([name, pin]) => [name, { version: pin.version, ...(pin.commit !== '' ? { commit: pin.commit } : {}), ...(pin.repo !== undefined ? { repo: pin.repo } : {}) }]));
    const body = { created_at: snapshot.createdAt, ...(snapshot.environment !== undefined ? { environment: snapshot.environment } : {}), components };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  const lines = [`created_at: ${renderScalar(snapshot.createdAt)}`];
  if (snapshot.environment !== undefined) lines.push(`environment: ${renderScalar(snapshot.environment)}`);
  lines.push(sorted.length === 0 ? 'components: {}' : 'components:');
  for (const [name, pin] of sorted) {
    lines.push(`  ${name}:`, `    version: ${renderScalar(pin.version)}`);
    // A vendored pin has a version and no commit; so has its snapshot.
    if (pin.commit !== '') lines.push(`    commit: ${renderScalar(pin.commit)}`);
    if (pin.repo !== undefined) lines.push(`    repo: ${renderScalar(pin.repo)}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  await writeFileAtomic(path, renderSnapshot(snapshot, path));
}

export async function readSnapshot(path: string, display: string): Promise<Snapshot> {
  return parseSnapshot(await readYamlFile(path, display));
}

export function parseSnapshot(file: YamlFile): Snapshot {
  const top = mapAt(file, file.doc.contents, 'document');
  const get = (k: string) => top.get(k, true) as Node | undefined;
  const createdAt = stringAt(file, get('created_at'), 'created_at', top);
  const environment = optionalStringAt(file, get('environment'), 'environment');
  const map = mapAt(file, get('components'), 'components', top);
  const components = new Map<string, SnapshotPin>();
  for (const { key, keyNode, value } of entries(file, map)) {
    const field = `components.${key}`;
    if (!isValidComponentName(key)) fail(file, keyNode, field, `invalid component name ${quote(key)}`);
    const entry = mapAt(file, value, field, keyNode);
    const at = (k: string) => entry.get(k, true) as Node | undefined;
    // The Python CLI records `commit: null` for a checkout it cannot read; a version alone is a vendored pin.
    const commit = optionalStringAt(file, at('commit'), `${field}.commit`) ?? '';
    if (commit !== '' && !SHA.test(commit)) fail(file, at('commit'), `${field}.commit`, 'not a SHA');
    const version = optionalStringAt(file, at('version'), `${field}.version`) ?? commit.slice(0, 12);
    if (version === '') fail(file, at('commit') ?? entry, `${field}`, 'has neither a commit nor a version');
    const versionBad = versionProblem(version);
    if (versionBad) fail(file, at('version'), `${field}.version`, `${quote(version)} ${versionBad}`);
    const repo = optionalStringAt(file, at('repo'), `${field}.repo`);
    if (repo !== undefined && repoUrlProblem(repo)) fail(file, at('repo'), `${field}.repo`, `${quote(repo)} ${repoUrlProblem(repo)}`);
    components.set(key, { version, commit, repo });
  }
  return { createdAt, environment, components };
}
