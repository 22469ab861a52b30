/**
 * Credentials for one git command: `http.<url>.extraheader` entries passed through GIT_CONFIG_COUNT /
 * GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, so the token is never written to .git/config, never part of
 * a URL, and gone when the command ends.
 *
 * git sends every `http.<url>.extraheader` whose URL matches the request and is at least as specific
 * as the best match seen so far, in config order: the files first (where actions/checkout persists
 * its own header, in .git/config or an includeIf'd file under RUNNER_TEMP), then GIT_CONFIG_*. An
 * empty value empties the list collected so far. So each prefix is first emptied and then set, least
 * specific first: whatever the runner's config holds, a request carries exactly one Authorization
 * header, the token of the most specific prefix (the meta-repo's own URL beats the server's).
 */
export interface UrlCredential {
  /** A URL prefix such as https://github.com/ or https://github.com/acme/meta.git */
  readonly urlPrefix: string;
  readonly token: string;
}

export function basicAuthHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}

export function credentialEnv(credentials: readonly UrlCredential[]): Record<string, string> {
  const entries: Array<[string, string]> = [];
  const usable = credentials.filter((c) => c.token.length > 0).sort((a, b) => specificity(a.urlPrefix) - specificity(b.urlPrefix));
  for (const c of usable) {
    const key = `http.${c.urlPrefix}.extraheader`;
    entries.push([key, ''], [key, basicAuthHeader(c.token)]);
  }
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}

/** Longer paths match more specifically; the host part is the same for every prefix we pass. */
function specificity(prefix: string): number {
  return prefix.replace(/\/+$/, '').length;
}
