// The git smart-HTTP front end: authentication, repository lookup, then CGI.
import { authenticate } from './auth.js';
import type { ForgeCore } from './core.js';
import type { Exchange } from './exchange.js';
import { serveGitCgi } from './git-http.js';
import { timestamp } from './state.js';

export interface GitRoute {
  owner: string;
  repo: string;
  /** info/refs, git-upload-pack or git-receive-pack */
  service: string;
}

const GIT_PATH = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

export function matchGitPath(pathname: string): GitRoute | undefined {
  const m = GIT_PATH.exec(pathname);
  if (!m || m[1] === 'api' || m[1] === 'repos' || m[1].startsWith('.') || m[2].startsWith('.')) return undefined;
  return { owner: decodeURIComponent(m[1]), repo: decodeURIComponent(m[2]), service: m[3] };
}

export async function handleGit(ex: Exchange, core: ForgeCore, route: GitRoute): Promise<void> {
  const user = authenticate(core.tokens, ex.req.headers.authorization);
  if (!user) {
    // Drain the body so the client sees the 401 instead of a reset connection.
    ex.req.resume();
    ex.text(401, 'Invalid username or token. Password authentication is not supported for Git operations.\n', {
      'www-authenticate': 'Basic realm="GitHub"',
    });
    return;
  }
  ex.record.user = user.login;
  const repo = core.state.repo(route.owner, route.repo);
  if (!repo) {
    ex.req.resume();
    ex.text(404, 'Repository not found.\n');
    return;
  }
  const service = route.service === 'info/refs' ? ex.url.searchParams.get('service') : route.service;
  if (service === 'git-receive-pack') core.lastPusher.set(repo.id, user);
  const relative = core.barePathFor(repo.owner, repo.name).slice(core.reposDir.length);
  ex.record.status = await serveGitCgi(ex.req, ex.res, {
    projectRoot: core.reposDir,
    pathInfo: `${relative}/${route.service}`,
    query: ex.url.search.replace(/^\?/, ''),
    remoteUser: user.login,
    hookEnv: { FORGE_HOOK_URL: core.hook.url, FORGE_HOOK_SECRET: core.hook.secret, FORGE_HOOK_REPO: `${repo.owner}/${repo.name}` },
  });
  if (service === 'git-receive-pack' && route.service !== 'info/refs') repo.updatedAt = timestamp();
}
