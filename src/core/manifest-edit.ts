import { isMap, isScalar, type Node } from 'yaml';
import { insertIntoEntry, renderScalar } from './lock-edit.js';
import type { Manifest } from './manifest.js';
import { applyEdits, type TextEdit } from './source-edit.js';
import { scalarText } from './yaml-source.js';

export interface ManifestVersionWrite {
  readonly component: string;
  readonly version: string;
}

/**
 * The manifest's new text with `components.<name>.version` set for each write, and every other
 * byte kept, as for locks. This is what the Python CLI's `meta lock validate` compares a lock
 * with, so a rollback made with `--update-manifest` keeps that gate passing.
 */
export function editManifestVersions(manifest: Manifest, writes: readonly ManifestVersionWrite[]): string {
  const text = manifest.file.text;
  const top = manifest.file.doc.contents;
  const components = isMap(top) ? top.get('components', true) : undefined;
  if (!isMap(components)) return text;
  const edits: TextEdit[] = [];
  for (const write of writes) {
    const entry = components.get(write.component, true);
    if (!isMap(entry)) continue;
    const node = entry.get('version', true) as Node | undefined;
    if (isScalar(node) && node.range && node.value !== null) {
      if (scalarText(node) !== write.version) edits.push({ start: node.range[0], end: node.range[1], text: renderScalar(write.version, node.type) });
    } else if (node === undefined) {
      edits.push(insertIntoEntry(text, entry, 'version', write.version));
    } else if (isScalar(node) && node.range) {
      // `version:` with no value (null): replaced in place.
      edits.push({ start: node.range[0], end: node.range[1], text: `${node.range[1] > node.range[0] ? '' : ' '}${renderScalar(write.version)}` });
    }
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}
