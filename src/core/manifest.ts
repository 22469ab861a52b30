import { didYouMean } from './closest-names.js';
import { join } from 'node:path';
import { isScalar, type Node } from 'yaml';
import { checkComponentName, isValidComponentName, quote } from './names.js';
import { MANIFEST_PATH } from './paths.js';
import { repoUrlProblem } from './repo-url.js';
import { entries, fail, mapAt, optionalStringAt, readYamlFile, stringAt, stringListAt, toPlain, type YamlFile } from './yaml-source.js';
import { InputError } from './errors.js';

export interface ComponentSpec {
  readonly name: string;
  readonly repo: string;
  readonly version?: string;
  readonly type?: string;
  readonly dependsOn: readonly string[];
  /** The raw `health` list; the health module validates it when checks are run. */
  readonly health?: unknown;
  readonly line: number;
}

export interface Manifest {
  readonly file: YamlFile;
  readonly components: ReadonlyMap<string, ComponentSpec>;
}

export async function loadManifest(root: string): Promise<Manifest> {
  const file = await readYamlFile(join(root, MANIFEST_PATH), MANIFEST_PATH);
  return parseManifest(file);
}

export function parseManifest(file: YamlFile): Manifest {
  const top = mapAt(file, file.doc.contents, 'document');
  const componentsNode = top.get('components', true) as Node | undefined;
  const map = mapAt(file, componentsNode, 'components', top);
  const components = new Map<string, ComponentSpec>();
  for (const { key, keyNode, value } of entries(file, map)) {
    const field = `components.${key}`;
    if (!isValidComponentName(key)) fail(file, keyNode, field, `invalid component name ${quote(key)}`);
    const entry = mapAt(file, value, field, keyNode);
    const get = (k: string) => entry.get(k, true) as Node | undefined;
    const repo = stringAt(file, get('repo'), `${field}.repo`, entry);
    const problem = repoUrlProblem(repo);
    if (problem) fail(file, get('repo'), `${field}.repo`, `${quote(repo)} ${problem}`);
    const dependsOn = stringListAt(file, get('depends_on'), `${field}.depends_on`);
    const healthNode = get('health');
    components.set(key, {
      name: key,
      repo,
      version: optionalStringAt(file, get('version'), `${field}.version`),
      type: optionalStringAt(file, get('type'), `${field}.type`),
      dependsOn,
      health: healthNode === undefined || (isScalar(healthNode) && healthNode.value === null) ? undefined : toPlain(file, healthNode, `${field}.health`),
      line: file.lines.linePos(keyNode.range?.[0] ?? 0).line,
    });
  }
  for (const spec of components.values()) {
    spec.dependsOn.forEach((dep, i) => {
      if (!components.has(dep)) {
        throw new InputError(`${file.display}:${spec.line}: components.${spec.name}.depends_on[${i}]: unknown component ${quote(dep)}`);
      }
    });
  }
  return { file, components };
}

export function requireComponent(manifest: Manifest, name: string, where = 'component'): ComponentSpec {
  checkComponentName(name, where);
  const spec = manifest.components.get(name);
  if (!spec) {
    // The nearest names, not "the first 20 of 5,000".
    throw new InputError(`${where}: unknown component ${quote(name)} (not in ${MANIFEST_PATH})${didYouMean(name, manifest.components.keys())}`);
  }
  return spec;
}

/**
 * Orders components so that dependents come before their dependencies: the order in which a
 * rollback or revert must proceed so nothing is left depending on a version that is gone.
 */
export function dependentsFirst(manifest: Manifest, names: Iterable<string>): string[] {
  const wanted = new Set(names);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new InputError(`${MANIFEST_PATH}: depends_on: cycle ${[...path, name].join(' -> ')}`);
    state.set(name, 'visiting');
    for (const dep of manifest.components.get(name)?.dependsOn ?? []) visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...wanted].sort()) visit(name, []);
  return order.filter((n) => wanted.has(n)).reverse();
}
