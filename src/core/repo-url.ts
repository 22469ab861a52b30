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
  const url = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(repo);
  if (url) {
    if (!ALLOWED_SCHEMES.has(url[1]!.toLowerCase())) return `uses the unsupported transport '${url[1]}'`;
    return hostProblem(url[2]!);
  }
  // scp-like `[user@]host:path` (a ':' before any '/'): ssh is started with the host as an argument.
  const scp = /^([^/:]+):/.exec(repo);
  if (scp) return hostProblem(scp[1]!);
  return undefined;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `ssh -oProxyCommand=...` runs a command: no user or host may look like an option. */
function hostProblem(authority: string): string | undefined {
  const at = authority.lastIndexOf('@');
  const user = at >= 0 ? authority.slice(0, at) : '';
  const host = authority.slice(at + 1);
  if ([user, host, decoded(user), decoded(host)].some((part) => part.startsWith('-'))) {
    return "names a user or host starting with '-', which ssh would read as an option";
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
