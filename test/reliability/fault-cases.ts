// The faults the suite injects, by the kind of request the action makes. Kept apart from the test
// file so the figures test can count them.
import type { FaultKind } from '../../tools/forge/index.js';
import { GIT_ATTEMPTS } from '../../src/git/transient-retry.js';

export interface InjectedFault {
  readonly method: string;
  /** Matched against the recorded request path; NAME stands for the repository's name. */
  readonly path: string;
  readonly fault: FaultKind;
  readonly times?: number;
  /** Let this many matching requests through first. */
  readonly skip?: number;
}

/** Transient faults on every REST and GraphQL request of a run: each is retried and the run succeeds. */
export const transientRest: Record<string, InjectedFault[]> = {
  'merge run (repos get, pulls list/create/get/merge, issue comment)': [
    { method: 'GET', path: '/repos/acme/NAME$', fault: { kind: 'status', status: 503 } },
    { method: 'GET', path: '/repos/acme/NAME/pulls$', fault: { kind: 'drop' } },
    { method: 'POST', path: '/repos/acme/NAME/pulls$', fault: { kind: 'status', status: 502 } },
    { method: 'GET', path: '/repos/acme/NAME/pulls/\\d+$', fault: { kind: 'status', status: 500 } },
    { method: 'PUT', path: '/repos/acme/NAME/pulls/\\d+/merge$', fault: { kind: 'drop' } },
    { method: 'POST', path: '/repos/acme/NAME/issues/\\d+/comments$', fault: { kind: 'status', status: 504 } },
  ],
  'second run (pulls update), with a primary and a secondary rate limit': [
    { method: 'GET', path: '/repos/acme/NAME$', fault: { kind: 'rate-limit', resetIn: 1 } },
    { method: 'GET', path: '/repos/acme/NAME/pulls$', fault: { kind: 'secondary-rate-limit', retryAfter: 1 } },
    { method: 'PATCH', path: '/repos/acme/NAME/pulls/\\d+$', fault: { kind: 'drop' } },
  ],
  'auto-merge run (GraphQL), with a 429': [
    { method: 'POST', path: '^/graphql$', fault: { kind: 'status', status: 502 } },
    { method: 'POST', path: '^/graphql$', fault: { kind: 'drop' } },
    { method: 'POST', path: '/repos/acme/NAME/pulls$', fault: { kind: '429', retryAfter: 1 } },
  ],
};

export interface GitFaultCase {
  readonly name: string;
  readonly faults: InjectedFault[];
  /** Make the workspace lag behind base, so the run has to fetch. */
  readonly behind?: boolean;
}

/** One transport failure on a git request (smart HTTP): the action tries git again and the run succeeds. */
export const transientGit: GitFaultCase[] = [
  { name: 'ls-remote: info/refs answers 503 once', faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'status', status: 503 } }] },
  { name: 'ls-remote: the connection drops once', faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'drop' } }] },
  {
    // With protocol v2, ls-remote is GET info/refs then POST git-upload-pack (ls-refs).
    name: 'ls-remote: upload-pack (ls-refs) answers 502 once',
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-upload-pack$', fault: { kind: 'status', status: 502 } }],
  },
  {
    // The run's first ls-remote and its fetch's ls-refs go through; the fetch's pack request fails.
    name: 'fetch: the pack request (upload-pack) answers 500 once',
    behind: true,
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-upload-pack$', fault: { kind: 'status', status: 500 }, skip: 2 }],
  },
  { name: 'push: receive-pack answers 500 once', faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-receive-pack$', fault: { kind: 'status', status: 500 } }] },
  {
    // The first drop hits a reused connection, which libcurl itself sends again once; the second fails git.
    name: "push: the receive-pack connection drops, and so does libcurl's own resend",
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-receive-pack$', fault: { kind: 'drop' }, times: 2 }],
  },
];

export interface FailingGitCase extends GitFaultCase {
  readonly message: RegExp;
  /** The run has written the rollback's files in the workspace by the time this request fails. */
  readonly afterPerform: boolean;
  /** Requests the fault answers: one per attempt for a transport failure, 1 for an answer a retry cannot change. */
  readonly hits: number | readonly [min: number, max: number];
}

/** More faults than attempts: a persistent failure. */
const ALWAYS = 20;

/**
 * git over HTTP failing for good: after its attempts (transport failures) or at once (refusals),
 * the run fails with one error line, the forge and the workspace as they were.
 */
export const failingGit: FailingGitCase[] = [
  {
    name: 'ls-remote: info/refs answers 503 on every attempt',
    faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'status', status: 503 }, times: ALWAYS }],
    message: /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/acme\/[^ ]+\.git: .*503.* \(tried 3 times\)$/,
    afterPerform: false,
    hits: GIT_ATTEMPTS,
  },
  {
    name: 'ls-remote: the connection drops on every attempt',
    faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'drop' }, times: ALWAYS }],
    message: /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/acme\/[^ ]+\.git: .* \(tried 3 times\)$/,
    afterPerform: false,
    hits: GIT_ATTEMPTS,
  },
  {
    name: 'fetch: the pack request (upload-pack) answers 500 on every attempt',
    behind: true,
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-upload-pack$', fault: { kind: 'status', status: 500 }, skip: 2, times: ALWAYS }],
    message: /^error: git fetch failed \(exit \d+\): .* \(tried 3 times\)$/,
    afterPerform: false,
    hits: GIT_ATTEMPTS,
  },
  {
    name: 'push: receive-pack answers 500 on every attempt',
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-receive-pack$', fault: { kind: 'status', status: 500 }, times: ALWAYS }],
    message: /^error: push of meta-rollback\/prod\/component-[0-9a-f]{8} failed: .* \(tried 3 times\)$/,
    afterPerform: true,
    hits: GIT_ATTEMPTS,
  },
  {
    name: 'push: the receive-pack connection drops on every attempt',
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-receive-pack$', fault: { kind: 'drop' }, times: ALWAYS }],
    message: /^error: push of meta-rollback\/prod\/component-[0-9a-f]{8} failed: .* \(tried 3 times\)$/,
    afterPerform: true,
    // libcurl sends a request again once when the connection it reused dies.
    hits: [GIT_ATTEMPTS, 2 * GIT_ATTEMPTS],
  },
  {
    name: 'ls-remote: the token is refused (401), not retried',
    faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'status', status: 401 }, times: ALWAYS }],
    message: /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/acme\/[^ ]+\.git: [^()]*$/,
    afterPerform: false,
    hits: 1,
  },
  {
    name: 'ls-remote: the repository is not found (404), not retried',
    faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'status', status: 404 }, times: ALWAYS }],
    message: /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/acme\/[^ ]+\.git: .*not found[^()]*$/,
    afterPerform: false,
    hits: 1,
  },
  {
    name: 'push: receive-pack is forbidden (403), not retried',
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-receive-pack$', fault: { kind: 'status', status: 403 }, times: ALWAYS }],
    message: /^error: push of meta-rollback\/prod\/component-[0-9a-f]{8} failed: .*403[^()]*$/,
    afterPerform: true,
    hits: 1,
  },
];

/** REST failures that outlast the retries: the run fails and says which call failed. */
export const failingRest: FailingGitCase[] = [
  {
    name: 'repos get answers 500 on every retry',
    faults: [{ method: 'GET', path: '/repos/acme/NAME$', fault: { kind: 'status', status: 500 }, times: 4 }],
    message: /^error: .*(Internal Server Error|500)/,
    afterPerform: false,
    hits: 4,
  },
];

/**
 * The pull request cannot be opened or updated after the head branch was pushed: the branch is
 * deleted again (or put back where it was), so no branch is left without its pull request.
 */
export const failingPullRequest: FailingGitCase[] = [
  {
    name: 'pulls create answers 500 on every retry',
    faults: [{ method: 'POST', path: '/repos/acme/NAME/pulls$', fault: { kind: 'status', status: 500 }, times: 4 }],
    message: /^error: .*(Internal Server Error|500)/,
    afterPerform: true,
    hits: 4,
  },
  {
    name: 'pulls update answers 500 on every retry (a re-run)',
    faults: [{ method: 'PATCH', path: '/repos/acme/NAME/pulls/\\d+$', fault: { kind: 'status', status: 500 }, times: 4 }],
    message: /^error: .*(Internal Server Error|500)/,
    afterPerform: true,
    hits: 4,
  },
];
