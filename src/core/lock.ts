import { join } from 'node:path';
import { isMap, type Node, type YAMLMap } from 'yaml';
import { isValidComponentName, quote, versionProblem } from './names.js';
import { repoUrlProblem } from './repo-url.js';
import { entries, fail, mapAt, optionalStringAt, parseYamlBytes, readYamlFile, stringAt, type YamlFile } from './yaml-source.js';

export interface Pin {
  readonly version: string;
  readonly commit: string;
}

export interface LockEntry extends Pin {
  readonly name: string;
  /**
   * The Python CLI's vendored mode: the entry pins a version and no commit (`commit` is then '').
   * Rollbacks set its version only; the vendored files in components/NAME are not this tool's to change.
   */
  readonly vendored: boolean;
  readonly repo?: string;
  readonly line: number;
  /** The line of its `commit:` (the key's line when it has none). */
  readonly commitLine: number;
}

export interface Lock {
  readonly file: YamlFile;
  readonly environment?: string;
  readonly generatedAt?: string;
  /** `mode:` as the Python CLI writes it (`reference` or `vendored`). */
  readonly mode?: string;
  readonly entries: ReadonlyMap<string, LockEntry>;
}

const LOCK_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export async function loadLock(root: string, rel: string): Promise<Lock> {
  return parseLock(await readYamlFile(join(root, rel), rel));
}

export function parseLockBytes(bytes: Uint8Array, display: string): Lock {
  return parseLock(parseYamlBytes(bytes, display));
}

export function parseLock(file: YamlFile): Lock {
  const top = mapAt(file, file.doc.contents, 'document');
  const componentsNode = top.get('components', true) as Node | undefined;
  const map = mapAt(file, componentsNode, 'components', top);
  const result = new Map<string, LockEntry>();
  for (const { key, keyNode, value } of entries(file, map)) {
    const field = `components.${key}`;
    if (!isValidComponentName(key)) fail(file, keyNode, field, `invalid component name ${quote(key)}`);
    const entry = mapAt(file, value, field, keyNode);
    const get = (k: string) => entry.get(k, true) as Node | undefined;
    const commitNode = get('commit');
    const vendored = commitNode === undefined && get('version') !== undefined;
    const commit = vendored ? '' : stringAt(file, commitNode, `${field}.commit`, entry);
    if (!vendored && !LOCK_SHA.test(commit)) fail(file, commitNode, `${field}.commit`, 'not a SHA');
    const repo = optionalStringAt(file, get('repo'), `${field}.repo`);
    if (repo !== undefined) {
      const problem = repoUrlProblem(repo);
      if (problem) fail(file, get('repo'), `${field}.repo`, `${quote(repo)} ${problem}`);
    }
    const version = optionalStringAt(file, get('version'), `${field}.version`) ?? commit.slice(0, 12);
    if (version === '') fail(file, get('version') ?? entry, `${field}.version`, 'missing (an entry without a commit pins a version)');
    const versionBad = versionProblem(version);
    if (versionBad) fail(file, get('version'), `${field}.version`, `${quote(version)} ${versionBad}`);
    const line = file.lines.linePos(keyNode.range?.[0] ?? 0).line;
    result.set(key, { name: key, version, commit, vendored, repo, line, commitLine: commitNode?.range ? file.lines.linePos(commitNode.range[0]).line : line });
  }
  return {
    file,
    environment: optionalStringAt(file, top.get('environment', true) as Node | undefined, 'environment'),
    generatedAt: optionalStringAt(file, top.get('generated_at', true) as Node | undefined, 'generated_at'),
    mode: optionalStringAt(file, top.get('mode', true) as Node | undefined, 'mode'),
    entries: result,
  };
}

export function componentsMap(lock: Lock): YAMLMap<unknown, unknown> {
  const top = lock.file.doc.contents;
  if (!isMap(top)) throw new Error('lock without a top-level mapping');
  const components = top.get('components', true);
  if (!isMap(components)) throw new Error('lock without a components mapping');
  return components;
}
