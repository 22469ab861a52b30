import { isAbsolute, resolve } from 'node:path';

/**
 * Transports a manifest may name. `ext::` runs an arbitrary command and `fd::` reads a file
 * descriptor, so a repo URL is refused unless it is one of these or a plain path.
 */
const ALLOWED_SCHEMES = new Set(['https', 'http', 'ssh', 'git', 'file']);
const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+$/;

export type RepoLocation = { kind: 'url'; url: string } | { kind: 'path'; path: string };

export function repoUrlProblem(repo: string): string | undefined {
  if (repo.length === 0) return 'is empty';
  if (repo.startsWith('-')) return "starts with '-'";
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(repo)) return 'contains a control character';
  if (repo.includes('::')) return "uses a '::' transport, which git would run as a command";
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(repo)?.[1];
  if (scheme !== undefined) {
    return ALLOWED_SCHEMES.has(scheme.toLowerCase()) ? undefined : `uses the unsupported transport '${scheme}'`;
  }
  return undefined;
}

/** Where a repo lives: a URL git fetches from, or a local repository the tool can read directly. */
export function locateRepo(repo: string, root: string): RepoLocation {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(repo)) {
    if (repo.startsWith('file://')) return { kind: 'path', path: decodeURIComponent(new URL(repo).pathname) };
    return { kind: 'url', url: repo };
  }
  if (SCP_LIKE.test(repo)) return { kind: 'url', url: repo };
  return { kind: 'path', path: isAbsolute(repo) ? repo : resolve(root, repo) };
}

/** The protocols git may use for any command we run: the ones above, nothing that runs programs. */
export const GIT_ALLOW_PROTOCOL = 'file:git:http:https:ssh';
