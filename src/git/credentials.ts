/**
 * Credentials for one git command: an `http.<url>.extraheader` passed through GIT_CONFIG_COUNT /
 * GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, so the token is never written to .git/config, never part of
 * a URL, and gone when the command ends. Git picks the most specific URL prefix, so the meta-repo's
 * token and the component repositories' token can differ on the same server.
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
  const env: Record<string, string> = {};
  const usable = credentials.filter((c) => c.token.length > 0);
  usable.forEach((c, i) => {
    env[`GIT_CONFIG_KEY_${i}`] = `http.${c.urlPrefix}.extraheader`;
    env[`GIT_CONFIG_VALUE_${i}`] = basicAuthHeader(c.token);
  });
  env.GIT_CONFIG_COUNT = String(usable.length);
  return env;
}
