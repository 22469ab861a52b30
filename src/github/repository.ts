/** `owner/name` of a repository, from `GITHUB_REPOSITORY` or a clone URL on the GitHub server. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export function parseRepository(value: string, where = 'GITHUB_REPOSITORY'): RepoRef {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!match || match[2] === '.' || match[2] === '..') throw new Error(`${where}: ${JSON.stringify(value)} is not owner/name`);
  return { owner: match[1]!, repo: match[2]! };
}

/** The repository a URL names when it is on the given server, else undefined. */
export function repoOnServer(url: string, serverUrl: string): RepoRef | undefined {
  const base = serverUrl.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/`)) return undefined;
  const rest = url.slice(base.length + 1).replace(/\.git$/, '').replace(/\/+$/, '');
  try {
    return parseRepository(rest, 'repo');
  } catch {
    return undefined;
  }
}

export function cloneUrl(serverUrl: string, ref: RepoRef): string {
  return `${serverUrl.replace(/\/+$/, '')}/${ref.owner}/${ref.repo}.git`;
}
