import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where a checkout keeps its repository: `gitDir` holds HEAD and the index (per worktree), and
 * `commonDir` holds objects and refs (shared by linked worktrees).
 */
export interface GitDirs {
  readonly worktree: string;
  readonly gitDir: string;
  readonly commonDir: string;
}

/**
 * Finds the repository of a checkout without starting git, or undefined when it uses anything the
 * in-process readers do not understand (SHA-256 objects, reftable refs, other extensions): the
 * caller then asks git, which is always right.
 */
export function locateGitDirs(worktree: string): GitDirs | undefined {
  try {
    const dotGit = join(worktree, '.git');
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (!stat) return bareRepository(worktree);
    let gitDir: string;
    if (stat.isDirectory()) {
      gitDir = dotGit;
    } else if (stat.isFile()) {
      const match = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync(dotGit, 'utf8'));
      if (!match) return undefined;
      gitDir = isAbsolute(match[1]!) ? match[1]! : resolve(worktree, match[1]!);
    } else {
      return undefined;
    }
    let commonDir = gitDir;
    try {
      commonDir = resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
    } catch {
      // Not a linked worktree: objects and refs are in the git directory itself.
    }
    if (usesExtensions(readFileSync(join(commonDir, 'config'), 'utf8'))) return undefined;
    return { worktree, gitDir, commonDir };
  } catch {
    return undefined;
  }
}

/** A bare repository (a mirror, or a component repository on disk) is its own git directory. */
function bareRepository(dir: string): GitDirs | undefined {
  if (!statSync(join(dir, 'objects'), { throwIfNoEntry: false })?.isDirectory()) return undefined;
  if (!statSync(join(dir, 'HEAD'), { throwIfNoEntry: false })?.isFile()) return undefined;
  if (usesExtensions(readFileSync(join(dir, 'config'), 'utf8'))) return undefined;
  return { worktree: dir, gitDir: dir, commonDir: dir };
}

/**
 * Any `[extensions]` section (objectFormat, refStorage, worktreeConfig, partialClone...) or a
 * repository format version above 1 changes how objects or refs are stored.
 */
function usesExtensions(config: string): boolean {
  if (/^\s*\[\s*extensions\b/im.test(config)) return true;
  const version = /^\s*repositoryformatversion\s*=\s*(\d+)/im.exec(config);
  return version !== null && Number(version[1]) > 1;
}
