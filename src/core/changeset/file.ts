import { readdir } from 'node:fs/promises';
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { InputError } from '../errors.js';
import { isValidComponentName, quote, refNameProblem } from '../names.js';
import { CHANGESET_DIR, resolveInsideRoot } from '../paths.js';
import { repoUrlProblem } from '../repo-url.js';
import { deref, entries, fail, lineOf, mapAt, readYamlFile, scalarText, type YamlFile } from '../yaml-source.js';
import { CHANGESET_INDEX, changesetFileRel, checkChangesetId, isValidChangesetId } from './id.js';

/** The status that makes a changeset rollback a no-op. */
export const ROLLED_BACK = 'rolled-back';

const ABBREV_SHA = /^[0-9a-f]{7,64}$/;

/** One item of a changeset's `repos:` list: normally one commit in one component. */
export interface ChangesetRepoEntry {
  /** Position in `repos:`, for messages (`repos[2].commit`). */
  readonly index: number;
  readonly name?: string;
  readonly repo?: string;
  /** `repo: ''`, as the Python CLI's `meta lock --changeset` writes for the meta-repo itself. */
  readonly repoEmpty?: boolean;
  /** `commit:` and/or `commits:`, as written (full or abbreviated SHAs); empty = find by message. */
  readonly commits: readonly string[];
  readonly branch?: string;
  readonly message?: string;
  readonly line: number;
}

export interface ChangesetFile {
  readonly id: string;
  /** `.meta/changesets/<id>.yaml` */
  readonly rel: string;
  readonly yaml: YamlFile;
  readonly title?: string;
  readonly description?: string;
  /** `status:` as written; undefined when the file has none. */
  readonly status?: string;
  /** `created_at:`, else the Python CLI's `timestamp:`. */
  readonly createdAt?: string;
  readonly author?: string;
  readonly repos: readonly ChangesetRepoEntry[];
}

export interface ChangesetIndexEntry {
  readonly id: string;
  readonly status?: string;
  readonly title?: string;
  readonly createdAt?: string;
  readonly line: number;
  /** The node that holds this entry's fields (a mapping), or its status (a scalar); none for a bare id. */
  readonly node?: YAMLMap<unknown, unknown> | Scalar;
}

export interface ChangesetIndex {
  readonly rel: string;
  readonly yaml: YamlFile;
  readonly entries: ReadonlyMap<string, ChangesetIndexEntry>;
  /** Ids that are not valid changeset ids; skipped. */
  readonly skipped: readonly string[];
}

/** Reads `.meta/changesets/<id>.yaml`. */
export async function loadChangeset(root: string, id: string): Promise<ChangesetFile> {
  checkChangesetId(id);
  const rel = changesetFileRel(id);
  const abs = resolveInsideRoot(root, root, rel, `changeset ${id}`);
  let yaml: YamlFile;
  try {
    yaml = await readYamlFile(abs, rel);
  } catch (err) {
    if (err instanceof InputError && err.message === `${rel}: no such file`) {
      throw new InputError(`changeset ${id}: no such changeset (${rel} does not exist)`);
    }
    throw err;
  }
  return parseChangeset(yaml, id);
}

export function parseChangeset(yaml: YamlFile, id: string): ChangesetFile {
  const top = mapAt(yaml, yaml.doc.contents, 'document');
  const get = (key: string) => deref(yaml, top.get(key, true)) as Node | undefined;
  const fileId = looseString(get('id'));
  if (fileId !== undefined && fileId !== id) {
    fail(yaml, get('id'), 'id', `${quote(fileId)} does not match the file name (${quote(id)})`);
  }
  const statusNode = get('status');
  const status = statusNode === undefined || isNull(statusNode) ? undefined : strictString(yaml, statusNode, 'status');
  return {
    id,
    rel: yaml.display,
    yaml,
    title: looseString(get('title')),
    description: looseString(get('description')),
    status,
    createdAt: looseString(get('created_at')) ?? looseString(get('timestamp')),
    author: looseString(get('author')),
    repos: parseRepos(yaml, get('repos')),
  };
}

function parseRepos(yaml: YamlFile, node: Node | undefined): ChangesetRepoEntry[] {
  if (node === undefined || isNull(node)) return [];
  if (!isSeq(node)) fail(yaml, node, 'repos', 'must be a list of {name, repo, commit, branch, message}');
  return node.items.map((raw, index) => {
    const field = `repos[${index}]`;
    const item = mapAt(yaml, deref(yaml, raw), field, node);
    const get = (key: string) => deref(yaml, item.get(key, true)) as Node | undefined;
    const name = optionalField(yaml, get('name'), `${field}.name`);
    const rawRepo = optionalField(yaml, get('repo'), `${field}.repo`);
    const repoEmpty = rawRepo === '';
    // The meta-repo's own entry is named after its directory, which need not be a component name.
    if (name !== undefined && !repoEmpty && !isValidComponentName(name)) fail(yaml, get('name'), `${field}.name`, `invalid component name ${quote(name)}`);
    const repo = repoEmpty ? undefined : rawRepo;
    if (repo !== undefined) {
      const problem = repoUrlProblem(repo);
      if (problem) fail(yaml, get('repo'), `${field}.repo`, `${quote(repo)} ${problem}`);
    }
    if (name === undefined && repo === undefined) fail(yaml, item, field, 'needs a name (a component of manifests/components.yaml) or a repo');
    const commits: string[] = [];
    const commit = optionalField(yaml, get('commit'), `${field}.commit`);
    if (commit !== undefined) commits.push(checkSha(yaml, get('commit'), `${field}.commit`, commit));
    const list = get('commits');
    if (list !== undefined && !isNull(list)) {
      if (!isSeq(list)) fail(yaml, list, `${field}.commits`, 'must be a list of commit SHAs');
      list.items.forEach((c, i) => {
        const n = deref(yaml, c);
        commits.push(checkSha(yaml, n, `${field}.commits[${i}]`, strictString(yaml, n, `${field}.commits[${i}]`)));
      });
    }
    const branch = optionalField(yaml, get('branch'), `${field}.branch`);
    if (branch !== undefined) {
      const problem = refNameProblem(branch);
      if (problem) fail(yaml, get('branch'), `${field}.branch`, `invalid branch name ${quote(branch)}: ${problem}`);
    }
    return { index, name, repo, ...(repoEmpty ? { repoEmpty } : {}), commits, branch, message: looseString(get('message')), line: lineOf(yaml, item) };
  });
}

function checkSha(yaml: YamlFile, node: Node | undefined, field: string, value: string): string {
  if (!ABBREV_SHA.test(value)) fail(yaml, node, field, `not a commit SHA (${quote(value)}; expected 7 to 64 lowercase hex digits)`);
  return value;
}

/** Reads `.meta/changesets/index.yaml`; undefined when there is none. */
export async function loadChangesetIndex(root: string): Promise<ChangesetIndex | undefined> {
  const abs = resolveInsideRoot(root, root, CHANGESET_INDEX, CHANGESET_INDEX);
  let yaml: YamlFile;
  try {
    yaml = await readYamlFile(abs, CHANGESET_INDEX);
  } catch (err) {
    if (err instanceof InputError && err.message === `${CHANGESET_INDEX}: no such file`) return undefined;
    throw err;
  }
  return parseChangesetIndex(yaml);
}

/**
 * The index is read leniently, in every shape in use: `changesets:` holding a mapping
 * `{ID: {status, title, created_at}}` or a list (of ids, as the Python CLI writes, or of mappings
 * with an `id`), a top-level list, or a top-level mapping of ids.
 */
export function parseChangesetIndex(yaml: YamlFile): ChangesetIndex {
  const out = new Map<string, ChangesetIndexEntry>();
  const skipped: string[] = [];
  let holder = deref(yaml, yaml.doc.contents);
  let field = 'document';
  if (isMap(holder) && holder.has('changesets')) {
    holder = deref(yaml, holder.get('changesets', true));
    field = 'changesets';
  }
  const add = (id: string, entry: ChangesetIndexEntry) => {
    if (!isValidChangesetId(id)) skipped.push(id);
    else if (out.has(id)) fail(yaml, entry.node ?? null, field, `changeset ${quote(id)} is listed twice`);
    else out.set(id, entry);
  };
  if (holder === undefined || isNull(holder)) return { rel: yaml.display, yaml, entries: out, skipped };
  if (isMap(holder)) {
    for (const { key, keyNode, value } of entries(yaml, holder)) {
      const line = lineOf(yaml, keyNode);
      if (value === undefined || isNull(value)) add(key, { id: key, line });
      else if (isScalar(value)) add(key, { id: key, status: looseString(value), line, node: value });
      else if (isMap(value)) add(key, { id: key, ...fieldsOf(yaml, value), line, node: value });
      else fail(yaml, value, `${field}.${key}`, 'must be a mapping {status, title, created_at}');
    }
  } else if (isSeq(holder)) {
    holder.items.forEach((raw, i) => {
      const item = deref(yaml, raw);
      if (isScalar(item) && !isNull(item)) {
        add(scalarText(item), { id: scalarText(item), line: lineOf(yaml, item) });
      } else if (isMap(item)) {
        const id = looseString(deref(yaml, item.get('id', true)) as Node | undefined);
        if (id === undefined) fail(yaml, item, `${field}[${i}].id`, 'missing');
        add(id, { id, ...fieldsOf(yaml, item), line: lineOf(yaml, item), node: item });
      } else {
        fail(yaml, item ?? holder, `${field}[${i}]`, 'must be a changeset id or a mapping with an id');
      }
    });
  } else {
    fail(yaml, holder, field, 'must be a mapping of changeset ids or a list');
  }
  return { rel: yaml.display, yaml, entries: out, skipped };
}

function fieldsOf(yaml: YamlFile, map: YAMLMap<unknown, unknown>): { status?: string; title?: string; createdAt?: string } {
  const get = (key: string) => deref(yaml, map.get(key, true)) as Node | undefined;
  return {
    status: looseString(get('status')),
    title: looseString(get('title')) ?? looseString(get('description')),
    createdAt: looseString(get('created_at')) ?? looseString(get('timestamp')),
  };
}

/** Ids of every `<id>.yaml` in `.meta/changesets/` (not the index, not hidden or temporary files). */
export async function changesetFileIds(root: string): Promise<{ ids: string[]; skipped: string[] }> {
  let names: string[];
  try {
    names = await readdir(resolveInsideRoot(root, root, CHANGESET_DIR, CHANGESET_DIR));
  } catch (err) {
    if (err instanceof InputError) throw err;
    return { ids: [], skipped: [] };
  }
  const ids: string[] = [];
  const skipped: string[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith('.yaml') || name.startsWith('.') || name === 'index.yaml') continue;
    const id = name.slice(0, -'.yaml'.length);
    if (isValidChangesetId(id)) ids.push(id);
    else skipped.push(name);
  }
  return { ids, skipped };
}

/** The text of any scalar (a number or date written unquoted included); undefined otherwise. */
function looseString(node: Node | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (node.value instanceof Date) return node.source ?? node.value.toISOString();
  return scalarText(node);
}

function strictString(yaml: YamlFile, node: Node | undefined, field: string): string {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') fail(yaml, node, field, 'must be a string');
  return scalarText(node);
}

function optionalField(yaml: YamlFile, node: Node | undefined, field: string): string | undefined {
  if (node === undefined || isNull(node)) return undefined;
  return strictString(yaml, node, field);
}

function isNull(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined);
}
