import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader, credentialEnv } from '../../src/git/credentials.js';
import { runGit } from '../../src/git/run-git.js';
import { tempDir } from '../helpers/workspace.js';

// What git really sends, read from the raw header list (Node's req.headers keeps only the first
// Authorization), for every way a runner's config can already hold one.

let server: Server;
let origin = '';
const seen: Array<{ path: string; authorizations: string[] }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const authorizations: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'authorization') authorizations.push(req.rawHeaders[i + 1]!);
    seen.push({ path: req.url ?? '', authorizations });
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not here\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const header = (token: string): string => basicAuthHeader(token).replace(/^AUTHORIZATION: /, '');

/** One ls-remote per URL; returns the Authorization headers each request carried. */
async function headersFor(repo: string, urls: string[], extraEnv: Record<string, string> = {}): Promise<string[][]> {
  const env = {
    ...credentialEnv([
      { urlPrefix: `${origin}/`, token: 'components' },
      { urlPrefix: `${origin}/acme/meta.git`, token: 'meta' },
    ]),
    ...extraEnv,
  };
  const out: string[][] = [];
  for (const url of urls) {
    seen.length = 0;
    await runGit(['ls-remote', url], { cwd: repo, env });
    out.push(seen[0]?.authorizations ?? []);
  }
  return out;
}

function repoWith(config: (dir: string, gitDir: string) => void): string {
  const dir = join(tempDir('meta-creds-'), 'work');
  execFileSync('git', ['init', '-q', dir]);
  config(dir, join(dir, '.git'));
  return dir;
}

describe('one Authorization header per request', () => {
  const urls = (): string[] => [`${origin}/acme/meta.git`, `${origin}/acme/web-ui.git`];

  it('with nothing persisted: the meta token for the meta-repo, the components token elsewhere', async () => {
    const repo = repoWith(() => undefined);
    expect(await headersFor(repo, urls())).toEqual([[header('meta')], [header('components')]]);
  });

  it('over actions/checkout v4 credentials in .git/config', async () => {
    const repo = repoWith((dir) => execFileSync('git', ['config', '--local', `http.${origin}/.extraheader`, basicAuthHeader('persisted')], { cwd: dir }));
    expect(await headersFor(repo, urls())).toEqual([[header('meta')], [header('components')]]);
  });

  it('over actions/checkout v6 credentials in an includeIf file under RUNNER_TEMP', async () => {
    const temp = tempDir('meta-runner-temp-');
    const file = join(temp, 'git-credentials-0b9c.config');
    const repo = repoWith((dir, gitDir) => {
      execFileSync('git', ['config', '--file', file, `http.${origin}/.extraheader`, basicAuthHeader('persisted')]);
      execFileSync('git', ['config', '--local', `includeIf.gitdir:${gitDir}.path`, file], { cwd: dir });
    });
    expect(await headersFor(repo, urls())).toEqual([[header('meta')], [header('components')]]);
  });

  it('over a header for every host, one for the meta-repo itself, and one in the global config', async () => {
    const global = join(tempDir('meta-global-'), 'gitconfig');
    writeFileSync(global, `[http]\n\textraheader = ${basicAuthHeader('global-any-host')}\n`);
    const repo = repoWith((dir) => {
      execFileSync('git', ['config', '--local', '--add', 'http.extraheader', basicAuthHeader('any-host')], { cwd: dir });
      execFileSync('git', ['config', '--local', `http.${origin}/acme/meta.git.extraheader`, basicAuthHeader('persisted-meta')], { cwd: dir });
    });
    expect(await headersFor(repo, urls(), { GIT_CONFIG_GLOBAL: global })).toEqual([[header('meta')], [header('components')]]);
  });

  it('without the reset, git sends them all: what GitHub refuses', async () => {
    const repo = repoWith((dir) => execFileSync('git', ['config', '--local', `http.${origin}/.extraheader`, basicAuthHeader('persisted')], { cwd: dir }));
    seen.length = 0;
    await runGit(['-c', `http.${origin}/acme/meta.git.extraheader=${basicAuthHeader('meta')}`, 'ls-remote', `${origin}/acme/meta.git`], { cwd: repo });
    expect(seen[0]!.authorizations).toHaveLength(2);
  });
});
