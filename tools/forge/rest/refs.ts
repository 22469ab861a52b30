// Git reference endpoints, backed directly by the bare repository's refs.
import { compareAndSwapRef, deleteRef, isAncestor, listRefs, objectExists, readRef, ZERO_SHA } from '../bare-repo.js';
import { HttpError, protectedBranchRefusal, unprocessable } from '../errors.js';
import { refUpdateRefusals, type RefUpdate } from '../protection.js';
import { gitRef } from '../shapes.js';
import type { RepoRecord } from '../state.js';
import { bodyOf, requireRepo, type RestContext, type RouteTable } from './context.js';

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

async function objectType(repo: RepoRecord, ref: string): Promise<{ sha: string; type: string } | undefined> {
  const entry = await readRef(repo.barePath, ref);
  return entry && { sha: entry.sha, type: entry.type };
}

async function enforceProtection(ctx: RestContext, repo: RepoRecord, update: RefUpdate): Promise<void> {
  const refusals = await refUpdateRefusals(ctx.core, repo, update);
  if (refusals.length) throw protectedBranchRefusal(422, refusals.join(' '));
}

function refBody(ctx: RestContext, repo: RepoRecord, ref: string, sha: string, type: string): unknown {
  return gitRef(ctx.core.urls, repo, ref, sha, type);
}

export const refRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/git/ref/{ref}': async (ctx) => {
    const repo = requireRepo(ctx);
    const ref = fullRef(ctx.params.ref);
    const found = await objectType(repo, ref);
    if (!found) throw new HttpError(404, 'Not Found');
    return { status: 200, body: refBody(ctx, repo, ref, found.sha, found.type) };
  },

  'GET /repos/{owner}/{repo}/git/matching-refs/{ref}': async (ctx) => {
    const repo = requireRepo(ctx);
    const prefix = fullRef(ctx.params.ref);
    // GitHub matches on the string prefix, so heads/feat also finds heads/feature.
    const refs = (await listRefs(repo.barePath)).filter((r) => r.ref.startsWith(prefix));
    return { status: 200, body: refs.map((r) => refBody(ctx, repo, r.ref, r.sha, r.type)) };
  },

  'POST /repos/{owner}/{repo}/git/refs': async (ctx) => {
    const repo = requireRepo(ctx);
    const { ref, sha } = bodyOf<{ ref: string; sha: string }>(ctx);
    if (!ref || !ref.startsWith('refs/') || ref.split('/').length < 3) {
      throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!sha || !(await objectExists(repo.barePath, sha))) throw unprocessable('Object does not exist');
    if (await readRef(repo.barePath, ref)) throw unprocessable('Reference already exists');
    await enforceProtection(ctx, repo, { ref, oldSha: ZERO_SHA, newSha: sha });
    if (!(await compareAndSwapRef(repo.barePath, ref, sha, ZERO_SHA))) throw unprocessable('Reference already exists');
    const found = await objectType(repo, ref);
    const location = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/git/${ref}`;
    return { status: 201, body: refBody(ctx, repo, ref, sha, found?.type ?? 'commit'), headers: { location } };
  },

  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': async (ctx) => {
    const repo = requireRepo(ctx);
    const ref = fullRef(ctx.params.ref);
    const { sha, force } = bodyOf<{ sha: string; force: boolean }>(ctx);
    const current = await readRef(repo.barePath, ref);
    if (!current) throw unprocessable('Reference does not exist');
    if (!sha || !(await objectExists(repo.barePath, sha))) throw unprocessable('Object does not exist');
    if (!force && !(await isAncestor(repo.barePath, current.sha, sha))) throw unprocessable('Update is not a fast forward');
    await enforceProtection(ctx, repo, { ref, oldSha: current.sha, newSha: sha });
    if (!(await compareAndSwapRef(repo.barePath, ref, sha, current.sha))) {
      throw new HttpError(409, 'Reference update failed: the ref was modified concurrently');
    }
    const found = await objectType(repo, ref);
    return { status: 200, body: refBody(ctx, repo, ref, sha, found?.type ?? 'commit') };
  },

  'DELETE /repos/{owner}/{repo}/git/refs/{ref}': async (ctx) => {
    const repo = requireRepo(ctx);
    const ref = fullRef(ctx.params.ref);
    const current = await readRef(repo.barePath, ref);
    if (!current) throw unprocessable('Reference does not exist');
    await enforceProtection(ctx, repo, { ref, oldSha: current.sha, newSha: ZERO_SHA });
    if (!(await deleteRef(repo.barePath, ref, current.sha))) throw unprocessable('Reference does not exist');
    return { status: 204 };
  },
};
