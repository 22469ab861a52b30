// The faults the suite injects, by the kind of request the action makes. Kept apart from the test
// file so the figures test can count them.
import type { FaultKind } from '../forge/index.js';

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

export interface FailingGitCase {
  readonly name: string;
  readonly faults: InjectedFault[];
  readonly message: RegExp;
  /** The run has moved the workspace's files by the time this request fails. */
  readonly afterPerform: boolean;
  /** A dropped connection that git (libcurl) may retry on its own: the run may also succeed. */
  readonly mayRecover?: boolean;
  /** Make the workspace lag behind base, so the run has to fetch. */
  readonly behind?: boolean;
}

/** git over HTTP is not retried by the action: each of these fails the run cleanly. */
export const failingGit: FailingGitCase[] = [
  {
    name: 'ls-remote: info/refs answers 503',
    faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'status', status: 503 } }],
    message: /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/acme\/[^ ]+\.git: .*(503|unable to access)/,
    afterPerform: false,
  },
  {
    name: 'ls-remote: the connection drops',
    faults: [{ method: 'GET', path: '/acme/NAME\\.git/info/refs$', fault: { kind: 'drop' } }],
    message: /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/acme\/[^ ]+\.git: /,
    afterPerform: false,
  },
  {
    // With protocol v2, ls-remote is GET info/refs then POST git-upload-pack (ls-refs).
    name: 'ls-remote: upload-pack (ls-refs) answers 500',
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-upload-pack$', fault: { kind: 'status', status: 500 } }],
    message: /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/acme\/[^ ]+\.git: /,
    afterPerform: false,
  },
  {
    // The run's first ls-remote and its fetch's ls-refs go through; the fetch's pack request fails.
    name: 'fetch: the pack request (upload-pack) answers 500',
    behind: true,
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-upload-pack$', fault: { kind: 'status', status: 500 }, skip: 2 }],
    message: /^error: git fetch failed \(exit \d+\): /,
    afterPerform: false,
  },
  {
    name: 'fetch: the pack connection drops',
    behind: true,
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-upload-pack$', fault: { kind: 'drop' }, skip: 2 }],
    message: /^error: git fetch failed \(exit \d+\): /,
    afterPerform: false,
    mayRecover: true,
  },
  {
    name: 'push: receive-pack answers 500',
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-receive-pack$', fault: { kind: 'status', status: 500 } }],
    message: /^error: push of meta-rollback\/prod\/component-[0-9a-f]{8} failed: /,
    afterPerform: true,
  },
  {
    name: 'push: the receive-pack connection drops',
    faults: [{ method: 'POST', path: '/acme/NAME\\.git/git-receive-pack$', fault: { kind: 'drop' } }],
    message: /^error: push of meta-rollback\/prod\/component-[0-9a-f]{8} failed: /,
    afterPerform: true,
    mayRecover: true,
  },
];

/** REST failures that outlast the retries: the run fails and says which call failed. */
export const failingRest: FailingGitCase[] = [
  {
    name: 'repos get answers 500 on every retry',
    faults: [{ method: 'GET', path: '/repos/acme/NAME$', fault: { kind: 'status', status: 500 }, times: 4 }],
    message: /^error: .*(Internal Server Error|500)/,
    afterPerform: false,
  },
];

/**
 * Known gap (outside this suite's files): when the pull request cannot be created after the head
 * branch was pushed, the action fails cleanly but leaves that branch on the forge, until
 * src/action/run-action.ts deletes a head branch it created when opening the pull request fails.
 */
export const knownGaps: FailingGitCase[] = [
  {
    name: 'pulls create answers 500 on every retry',
    faults: [{ method: 'POST', path: '/repos/acme/NAME/pulls$', fault: { kind: 'status', status: 500 }, times: 4 }],
    message: /^error: .*(Internal Server Error|500)/,
    afterPerform: true,
  },
];
