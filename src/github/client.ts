import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

const GitHubClient = Octokit.plugin(retry, throttling);
export type GitHubApi = InstanceType<typeof GitHubClient>;

export interface ClientOptions {
  readonly token: string;
  /** REST base URL: `GITHUB_API_URL` (https://api.github.com, or https://HOST/api/v3 on Enterprise Server). */
  readonly apiUrl: string;
  readonly log?: (message: string) => void;
  /** How often a rate-limited request is retried before the run fails. */
  readonly rateLimitRetries?: number;
}

/**
 * An Octokit that retries 5xx answers and dropped connections (plugin-retry) and waits out primary
 * and secondary rate limits (plugin-throttling) instead of failing an incident run on a blip.
 *
 * plugin-throttling also spaces writes 1 s apart and writes that notify people (pull requests,
 * comments, merges) 3 s apart: right for a bot making many writes, but an incident rollback makes
 * a handful, and that spacing was most of its time. Writes stay one at a time, as GitHub asks, with
 * no pause; a secondary rate limit or a 429 is still waited out as its `retry-after` says.
 */
export function createGitHubClient(options: ClientOptions): GitHubApi {
  const retries = options.rateLimitRetries ?? 3;
  const log = options.log ?? (() => undefined);
  return new GitHubClient({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: 'meta-rollback',
    // The request log reports every failed request (`POST /repos/... - 403 with id ...`); the action
    // reports the failure itself, once, so only Octokit's own warnings (deprecations) are passed on.
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log(m), error: () => undefined },
    // 405 (not mergeable, merge queue required) and 409 (head moved) are answers, not blips: the
    // plugin's default would retry them with seconds of backoff.
    retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 451] },
    throttle: {
      write: new Bottleneck.Group({ id: 'meta-rollback-write', maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ id: 'meta-rollback-notifications', maxConcurrent: 1, minTime: 0 }),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log(`rate limit reached on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log(`secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
        return retryCount < retries;
      },
    },
  });
}
