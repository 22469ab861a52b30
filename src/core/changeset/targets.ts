import { existsSync } from 'node:fs';
import { MetaError } from '../errors.js';
import { componentDir } from '../paths.js';
import type { RollbackTarget, TargetSource } from '../operations/list-targets.js';
import { commitsWithMessage } from '../../git/changeset-log.js';
import { isGitRepo } from '../../git/repo-reader.js';
import { changesetFileRel, changesetMarker, revertTrailerLine } from './id.js';
import { changesetFileIds, loadChangeset, loadChangesetIndex, type ChangesetFile } from './file.js';

type Target = Omit<RollbackTarget, 'current'>;

/**
 * Changesets as `meta rollback list` targets: one row per component a changeset touches, with the
 * newest commit it has there. Commits the file lists are used as written; for a changeset that
 * lists none, the component's checkout (when there is one) is searched for the `[changeset:ID]`
 * marker — one `git log` per checkout for all such changesets, nothing fetched. Files that cannot
 * be read are left out (`meta changeset list` reports them).
 */
export const changesetTargets: TargetSource = async (ctx, components) => {
  const wanted = new Set(components.map((c) => c.name));
  const index = await loadChangesetIndex(ctx.root).catch((err: unknown) => {
    if (!(err instanceof MetaError)) throw err;
    return undefined;
  });
  const { ids } = await changesetFileIds(ctx.root);
  const files: ChangesetFile[] = [];
  for (const id of ids) {
    try {
      files.push(await loadChangeset(ctx.root, id));
    } catch (err) {
      if (!(err instanceof MetaError)) throw err;
    }
  }
  const out: Target[] = [];
  const row = (file: ChangesetFile, component: string, commit: string, date: string | null): Target => ({
    component,
    kind: 'changeset',
    version: file.id,
    commit,
    source: changesetFileRel(file.id),
    date: file.createdAt ?? index?.entries.get(file.id)?.createdAt ?? date,
    status: file.status ?? index?.entries.get(file.id)?.status ?? 'open',
    command: `meta changeset rollback ${file.id}`,
  });

  const byMarker: ChangesetFile[] = [];
  for (const file of files) {
    const listed = new Map<string, string>();
    for (const entry of file.repos) {
      const name = entry.name ?? components.find((c) => c.repo === entry.repo)?.name;
      if (name === undefined || !wanted.has(name)) continue;
      // Entries are appended as commits are made, so the last one listed is the newest.
      const commit = entry.commits[entry.commits.length - 1];
      if (commit !== undefined || !listed.has(name)) listed.set(name, commit ?? listed.get(name) ?? '');
    }
    for (const [name, commit] of listed) out.push(row(file, name, commit, null));
    if (file.repos.length === 0) byMarker.push(file);
  }

  if (byMarker.length > 0) {
    for (const spec of components) {
      const dir = componentDir(ctx.root, spec.name);
      if (!existsSync(dir) || !isGitRepo(dir)) continue;
      const needles = byMarker.flatMap((f) => [changesetMarker(f.id), revertTrailerLine(f.id)]);
      const found = await commitsWithMessage(dir, '--all', needles).catch(() => []);
      for (const file of byMarker) {
        const marker = changesetMarker(file.id);
        const trailer = revertTrailerLine(file.id);
        const newest = found.find((c) => c.message.includes(marker) && !c.message.split('\n').some((l) => l.trim() === trailer));
        if (newest) out.push(row(file, spec.name, newest.commit, null));
      }
    }
  }
  return out;
};
