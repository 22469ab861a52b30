import pRetry from 'p-retry';
import { quote } from '../names.js';
import { resolveUrl } from './env.js';
import { HEALTH_DEFAULTS, type CheckOutcome, type HttpCheckSpec } from './types.js';

export interface HttpCheckOptions {
  readonly env?: string;
  readonly signal?: AbortSignal;
  /** Delay before the first retry; each later one doubles, times a random 1-2 so checks spread out. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
}

export const DEFAULT_RETRY_DELAY_MS = 1000;
export const DEFAULT_MAX_RETRY_DELAY_MS = 10_000;

// Enough for any health page; a larger body is read no further, so a streaming endpoint cannot
// hold a check open past what it needs.
const MAX_BODY_CHARS = 1024 * 1024;
const BODY_SNIPPET_CHARS = 120;

class AttemptFailed extends Error {}

/** GETs the URL until it answers as expected or the retries run out; every failure is retried. */
export async function runHttpCheck(spec: HttpCheckSpec, options: HttpCheckOptions = {}): Promise<CheckOutcome> {
  const resolved = resolveUrl(spec.url, options.env);
  if ('problem' in resolved) return { ok: false, detail: resolved.problem, attempts: 0 };
  const { url } = resolved;
  const retries = spec.retries ?? HEALTH_DEFAULTS.retries;
  const { signal } = options;

  let attempts = 0;
  let last = '';
  try {
    const status = await pRetry(
      async () => {
        attempts += 1;
        const result = await attempt(url, spec, signal);
        if ('problem' in result) {
          last = result.problem;
          throw new AttemptFailed(result.problem);
        }
        return result.status;
      },
      {
        retries,
        factor: 2,
        randomize: true,
        minTimeout: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
        maxTimeout: options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
        signal,
      },
    );
    return { ok: true, detail: `GET ${url}: HTTP ${status}${ofAttempts(attempts, retries)}`, attempts };
  } catch (err) {
    if (signal?.aborted) {
      const before = last && last !== 'aborted' ? ` (last attempt: ${last})` : '';
      return { ok: false, detail: `GET ${url}: aborted${before}`, attempts };
    }
    const problem = err instanceof AttemptFailed ? err.message : String(err);
    return { ok: false, detail: `GET ${url}: ${problem}${ofAttempts(attempts, retries)}`, attempts };
  }
}

function ofAttempts(attempts: number, retries: number): string {
  return attempts > 1 ? ` (attempt ${attempts} of ${retries + 1})` : '';
}

async function attempt(
  url: string,
  spec: HttpCheckSpec,
  outer: AbortSignal | undefined,
): Promise<{ status: number } | { problem: string }> {
  const seconds = spec.timeoutSeconds ?? HEALTH_DEFAULTS.httpTimeoutSeconds;
  const expected = spec.expectStatus ?? HEALTH_DEFAULTS.expectStatus;
  // The timeout covers headers and body alike, so a server that trickles bytes is cut off too.
  const timeout = AbortSignal.timeout(Math.max(1, Math.round(seconds * 1000)));
  const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
  try {
    const response = await fetch(url, {
      method: 'GET',
      signal,
      // Following a redirect would make an expected 3xx impossible to observe.
      redirect: expected >= 300 && expected < 400 ? 'manual' : 'follow',
      headers: { accept: '*/*', 'user-agent': 'meta-rollback-health-check' },
    });
    const needBody = spec.expectBody !== undefined || response.status !== expected;
    const body = needBody ? await readCapped(response) : await discard(response);
    if (response.status !== expected) {
      return { problem: `HTTP ${response.status}, expected ${expected}${snippet(body)}` };
    }
    if (spec.expectBody !== undefined && !body.includes(spec.expectBody)) {
      return { problem: `HTTP ${response.status} but the body does not contain ${quote(spec.expectBody)}${snippet(body)}` };
    }
    return { status: response.status };
  } catch (err) {
    if (timeout.aborted) return { problem: `timed out after ${seconds}s` };
    if (outer?.aborted) return { problem: 'aborted' };
    return { problem: `request failed: ${networkReason(err)}` };
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length >= MAX_BODY_CHARS) {
      await reader.cancel().catch(() => undefined);
      return text.slice(0, MAX_BODY_CHARS);
    }
  }
  return text + decoder.decode();
}

async function discard(response: Response): Promise<string> {
  await response.body?.cancel().catch(() => undefined);
  return '';
}

function snippet(body: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = body.replace(/[\s\x00-\x1f\x7f]+/g, ' ').trim();
  if (flat.length === 0) return '';
  return `; body: ${quote(flat.length > BODY_SNIPPET_CHARS ? `${flat.slice(0, BODY_SNIPPET_CHARS)}…` : flat)}`;
}

/** fetch reports every network failure as "fetch failed"; the useful reason is in its cause. */
function networkReason(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause;
    if (cause instanceof Error && cause.message) return cause.message;
    return err.message;
  }
  return String(err);
}
