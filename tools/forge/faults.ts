// Failures a test can schedule: error statuses, both kinds of rate limiting,
// dropped connections and slow responses.

export type FaultKind =
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'secondary-rate-limit'; retryAfter?: number }
  | { kind: 'rate-limit'; resetIn?: number }
  | { kind: '429'; retryAfter?: number }
  | { kind: 'drop' }
  /** Waits, then handles the request normally. */
  | { kind: 'delay'; ms: number }
  /** Runs a test's action (say, another client's push) just before the request is handled normally. */
  | { kind: 'before'; run: () => Promise<void> };

export type FaultSpec = FaultKind & {
  method?: string;
  /** Tested against the recorded path (REST paths without the /api/v3 prefix). */
  path: RegExp;
};

export interface FaultHandle {
  readonly spec: FaultSpec;
  /** Requests this fault has answered so far. */
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

interface Entry {
  spec: FaultSpec;
  remaining: number;
  hits: number;
}

export class FaultRegistry {
  private entries: Entry[] = [];

  add(spec: FaultSpec, times = 1): FaultHandle {
    const entry: Entry = { spec, remaining: times, hits: 0 };
    this.entries.push(entry);
    return {
      spec,
      get hits() {
        return entry.hits;
      },
      get remaining() {
        return entry.remaining;
      },
      cancel: () => {
        entry.remaining = 0;
      },
    };
  }

  /** Consumes and returns the first live fault matching the request, if any. */
  take(method: string, path: string): FaultSpec | undefined {
    const entry = this.entries.find(
      (e) => e.remaining > 0 && (!e.spec.method || e.spec.method.toUpperCase() === method.toUpperCase()) && freshTest(e.spec.path, path),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    entry.hits += 1;
    this.entries = this.entries.filter((e) => e.remaining > 0);
    return entry.spec;
  }

  clear(): void {
    this.entries = [];
  }

  get pending(): number {
    return this.entries.reduce((n, e) => n + e.remaining, 0);
  }
}

// A /g or /y RegExp keeps lastIndex between test() calls and would skip matches.
function freshTest(re: RegExp, value: string): boolean {
  re.lastIndex = 0;
  return re.test(value);
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What a non-drop, non-delay fault answers; `rateHeaders` are the normal rate-limit headers. */
export function faultResponse(
  fault: Exclude<FaultKind, { kind: 'drop' } | { kind: 'delay' } | { kind: 'before' }>,
  requestId: string,
  rateHeaders: Record<string, string>,
): FaultResponse {
  const now = Math.floor(Date.now() / 1000);
  switch (fault.kind) {
    case 'status':
      return {
        status: fault.status,
        headers: rateHeaders,
        body: fault.body ?? { message: statusMessage(fault.status), documentation_url: 'https://docs.github.com/rest', status: String(fault.status) },
      };
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { ...rateHeaders, 'retry-after': String(fault.retryAfter ?? 1) },
        body: {
          message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403',
        },
      };
    case 'rate-limit':
      return {
        status: 403,
        headers: { ...rateHeaders, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + (fault.resetIn ?? 1)) },
        body: {
          message: 'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID ' + requestId + '.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
          status: '403',
        },
      };
    case '429':
      return {
        status: 429,
        headers: { ...rateHeaders, ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}) },
        body: { message: 'Too Many Requests', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '429' },
      };
  }
}

function statusMessage(status: number): string {
  if (status === 502) return 'Server Error';
  if (status === 503) return 'Service Unavailable';
  if (status >= 500) return 'Internal Server Error';
  return 'Error';
}
