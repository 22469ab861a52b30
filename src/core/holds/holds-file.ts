import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, isSeq, type Node, type YAMLSeq } from 'yaml';
import type { Manifest } from '../manifest.js';
import { isFullSha, isValidComponentName, isValidEnvName, quote, versionProblem } from '../names.js';
import { HOLDS_PATH } from '../paths.js';
import { deref, fail, mapAt, optionalStringAt, readYamlFile, stringAt, stringListAt, type YamlFile } from '../yaml-source.js';

/** One entry of `manifests/holds.yaml`: a pin that must not be released again (SPEC section 6). */
export interface Hold {
  readonly component: string;
  readonly commit: string;
  readonly version?: string;
  /** Absent: the hold covers every env, the default lock included. */
  readonly envs?: readonly string[];
  readonly reason?: string;
  readonly at?: string;
  readonly by?: string;
  /** Line of the entry's `component:` (its first line) and of its `commit:`. */
  readonly line: number;
  readonly commitLine: number;
}

export interface HoldsFile {
  /** Undefined when the meta-repo has no holds file yet. */
  readonly file?: YamlFile;
  readonly holds: readonly Hold[];
}

/**
 * Reads the holds file through the same reader as every other YAML file (size limit, alias budget,
 * duplicate keys), and checks each hold against the manifest: a hold naming a component that does
 * not exist is a typo that would silently hold nothing, so it is refused like any bad input.
 */
export async function loadHolds(root: string, manifest: Manifest): Promise<HoldsFile> {
  if (!existsSync(join(root, HOLDS_PATH))) return { holds: [] };
  const file = await readYamlFile(join(root, HOLDS_PATH), HOLDS_PATH);
  return { file, holds: parseHolds(file, manifest) };
}

/** The `holds:` sequence node, or undefined when the file has none or it is empty (`holds:`). */
export function holdsSeq(file: YamlFile): YAMLSeq<unknown> | undefined {
  const top = file.doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return undefined;
  const map = mapAt(file, top, 'document');
  const node = deref(file, map.get('holds', true)) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (!isSeq(node)) fail(file, node, 'holds', 'must be a list');
  return node;
}

export function parseHolds(file: YamlFile, manifest: Manifest): Hold[] {
  const seq = holdsSeq(file);
  if (!seq) return [];
  return seq.items.map((item, i) => {
    const field = `holds[${i}]`;
    const entry = mapAt(file, item, field, seq);
    const get = (k: string) => deref(file, entry.get(k, true)) as Node | undefined;
    const component = stringAt(file, get('component'), `${field}.component`, entry);
    if (!isValidComponentName(component)) fail(file, get('component'), `${field}.component`, `invalid component name ${quote(component)}`);
    if (!manifest.components.has(component)) fail(file, get('component'), `${field}.component`, `unknown component ${quote(component)} (not in manifests/components.yaml)`);
    const commit = stringAt(file, get('commit'), `${field}.commit`, entry);
    if (!isFullSha(commit)) fail(file, get('commit'), `${field}.commit`, `not a full commit SHA (${quote(commit)})`);
    const version = optionalStringAt(file, get('version'), `${field}.version`);
    const bad = version === undefined ? undefined : versionProblem(version);
    if (bad) fail(file, get('version'), `${field}.version`, `${quote(version!)} ${bad}`);
    const envsNode = get('envs');
    const envs = envsNode === undefined ? undefined : stringListAt(file, envsNode, `${field}.envs`);
    envs?.forEach((env, k) => {
      if (!isValidEnvName(env)) fail(file, envsNode, `${field}.envs[${k}]`, `invalid environment name ${quote(env)}`);
    });
    const text = (k: string) => {
      const value = optionalStringAt(file, get(k), `${field}.${k}`);
      if (value !== undefined && versionProblem(value)) fail(file, get(k), `${field}.${k}`, 'contains a control character or is over 255 characters');
      return value;
    };
    const lineAt = (node: Node | undefined) => file.lines.linePos(node?.range?.[0] ?? entry.range?.[0] ?? 0).line;
    return { component, commit, version, envs, reason: text('reason'), at: text('at'), by: text('by'), line: lineAt(entry), commitLine: lineAt(get('commit')) };
  });
}

/** Whether a hold applies to a lock of this env (undefined: the default lock, which only env-less holds cover). */
export function holdCovers(hold: Hold, env: string | undefined): boolean {
  if (hold.envs === undefined) return true;
  return env !== undefined && hold.envs.includes(env);
}

/** The first hold on this component's commit that covers the env. */
export function findHold(holds: readonly Hold[], component: string, commit: string, env: string | undefined): Hold | undefined {
  return holds.find((h) => h.component === component && h.commit === commit && holdCovers(h, env));
}

export function describeHold(hold: Hold): string {
  const where = hold.envs === undefined ? 'every env' : `env ${hold.envs.join(', ')}`;
  return `${HOLDS_PATH}:${hold.line}: ${hold.component} ${hold.version ?? hold.commit.slice(0, 12)} (${hold.commit.slice(0, 12)}) is held for ${where}${hold.reason ? `: ${hold.reason}` : ''}`;
}
