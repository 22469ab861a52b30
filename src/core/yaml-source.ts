import { readFile, stat } from 'node:fs/promises';
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml';
import { InputError } from './errors.js';

/** Manifests and locks are small; anything this large is a mistake or an attack. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

/** A parsed YAML file that keeps its source text, so edits can touch only the bytes they change. */
export interface YamlFile {
  /** Path as shown in messages (relative to the meta-repo root where possible). */
  readonly display: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export async function readYamlFile(path: string, display: string): Promise<YamlFile> {
  let bytes: Buffer;
  try {
    // Size and kind are checked before reading, so a huge file is never loaded into memory and a
    // FIFO or device (a lock symlinked to /dev/zero) is refused instead of read forever.
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${display}: is a directory, not a YAML file`);
    if (!info.isFile()) throw new InputError(`${display}: not a regular file`);
    if (info.size > MAX_YAML_BYTES) throw new InputError(`${display}: file is ${info.size} bytes, over the ${MAX_YAML_BYTES}-byte limit`);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${display}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${display}: is a directory, not a YAML file`);
    throw new InputError(`${display}: cannot read (${code ?? String(err)})`);
  }
  return parseYamlBytes(bytes, display);
}

export function parseYamlBytes(bytes: Uint8Array, display: string): YamlFile {
  if (bytes.byteLength > MAX_YAML_BYTES) {
    throw new InputError(`${display}: file is ${bytes.byteLength} bytes, over the ${MAX_YAML_BYTES}-byte limit`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${display}: not valid UTF-8`);
  }
  return parseYamlText(text, display);
}

let bytesParsed = 0;
/** Characters handed to the YAML parser so far in this process: tests count work with it, not time. */
export function yamlCharsParsed(): number {
  return bytesParsed;
}

export function parseYamlText(text: string, display: string): YamlFile {
  bytesParsed += text.length;
  refuseConflictMarkers(text, display);
  const lines = new LineCounter();
  // Duplicate keys (which YAML forbids but many parsers quietly accept) are refused by checkNodes
  // below, with a set per mapping: the yaml package's own uniqueKeys check compares every key with
  // every other, quadratic in a lock of 5,000 components. A small alias budget stops "billion
  // laughs" documents from expanding without bound.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = lines.linePos(first.pos[0]).line;
    throw new InputError(`${display}:${line}: ${oneLine(first.message)}`);
  }
  const file: YamlFile = { display, text, doc, lines };
  checkNodes(file);
  return file;
}

export function lineOf(file: YamlFile, node: Node | null | undefined): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : file.lines.linePos(offset).line;
}

export function fail(file: YamlFile, node: Node | null | undefined, field: string, problem: string): never {
  throw new InputError(`${file.display}:${lineOf(file, node)}: ${printable(field)}: ${problem}`);
}

/** Field names are built from the file's own keys; a newline or NUL in one must not break the one-line message. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Follows an alias to the node it names, so anchors in hand-written manifests keep working. */
export function deref(file: YamlFile, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(file.doc) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

export function mapAt(file: YamlFile, node: unknown, field: string, parent?: Node | null): YAMLMap<unknown, unknown> {
  const target = deref(file, node);
  if (!isMap(target)) fail(file, target ?? parent, field, target === undefined ? 'missing (expected a mapping)' : 'must be a mapping');
  return target;
}

export function entries(file: YamlFile, map: YAMLMap<unknown, unknown>): Array<{ key: string; keyNode: Node; value: Node | undefined }> {
  return map.items.map((pair) => {
    const keyNode = pair.key as Node;
    if (!isScalar(keyNode)) fail(file, keyNode, 'key', 'must be a plain string');
    return { key: scalarText(keyNode), keyNode, value: deref(file, pair.value) };
  });
}

/**
 * The text of a scalar as written. Plain scalars come back as their source so that a commit such as
 * `0123456` or a version such as `1.10` is never turned into a number.
 */
export function scalarText(node: Scalar): string {
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return String(node.value);
}

export function stringAt(file: YamlFile, node: Node | undefined, field: string, parent: Node | null | undefined): string {
  if (node === undefined) fail(file, parent, field, 'missing');
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') fail(file, node, field, 'must be a string');
  return scalarText(node);
}

export function optionalStringAt(file: YamlFile, node: Node | undefined, field: string): string | undefined {
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (!isScalar(node) || typeof node.value === 'object') fail(file, node, field, 'must be a string');
  return scalarText(node);
}

export function stringListAt(file: YamlFile, node: Node | undefined, field: string): string[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) fail(file, node, field, 'must be a list of strings');
  return node.items.map((item, i) => stringAt(file, deref(file, item), `${field}[${i}]`, node));
}

export function toPlain(file: YamlFile, node: Node | undefined, field = 'document'): unknown {
  if (node === undefined) return undefined;
  try {
    return node.toJS(file.doc, { maxAliasCount: 100 });
  } catch (err) {
    // The yaml package refuses aliases that expand too far ("billion laughs"); say where.
    fail(file, node, field, /alias/i.test(String(err)) ? 'aliases expand too far (more than 100 nodes through aliases)' : oneLine(String(err)));
  }
}

function checkNodes(file: YamlFile): void {
  // The yaml package only bounds alias expansion when converting to JS; we walk nodes directly,
  // so apply the same bound up front. Keys are checked for duplicates in the same single walk.
  let aliases = 0;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) fail(file, node as Node, 'document', 'nested too deeply');
    if (isAlias(node)) {
      aliases += 1;
      if (aliases > 100) fail(file, node, 'document', 'too many aliases');
      return;
    }
    if (isMap(node)) uniqueKeys(file, node);
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isMap(node)) {
          const pair = item as { key: unknown; value: unknown };
          visit(pair.key, depth + 1);
          visit(pair.value, depth + 1);
        } else visit(item, depth + 1);
      }
    }
  };
  visit(file.doc.contents, 0);
}

/** The message and line the yaml package gives a duplicate key, found with one set per mapping. */
function uniqueKeys(file: YamlFile, map: YAMLMap<unknown, unknown>): void {
  const seen = new Set<unknown>();
  for (const pair of map.items) {
    const key = pair.key;
    // Merge keys (`<<`) may repeat; keys that are mappings or sequences are compared by yaml's rules elsewhere.
    const value = isScalar(key) ? key.value : undefined;
    if (value === undefined || value === '<<' || (typeof value === 'object' && value !== null)) continue;
    if (seen.has(value)) throw new InputError(`${file.display}:${lineOf(file, key as Node)}: Map keys must be unique`);
    seen.add(value);
  }
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** At most this many marker lines are listed; a conflict in a big lock can have hundreds. */
const MARKERS_LISTED = 12;

/**
 * A file left with git's conflict markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>` at the start of
 * a line) is refused before it is parsed: the YAML parser would report only a confusing
 * `Implicit keys need to be on a single line`, and a user must learn that a merge is unfinished.
 * `=======` alone counts only beside an opening or closing marker: on its own it is a YAML scalar.
 */
function refuseConflictMarkers(text: string, display: string): void {
  const marked: number[] = [];
  let fences = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^(?:<{7}|>{7}|\|{7})(?: |$)/.test(line)) {
      fences = true;
      marked.push(i + 1);
    } else if (line === '=======') marked.push(i + 1);
  });
  if (!fences) return;
  const listed = marked.slice(0, MARKERS_LISTED).join(', ') + (marked.length > MARKERS_LISTED ? `, ... ${marked.length - MARKERS_LISTED} more` : '');
  throw new InputError(`${display}:${marked[0]}: git conflict markers (lines ${listed}): resolve the merge conflict first`);
}
