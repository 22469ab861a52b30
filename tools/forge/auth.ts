// Token authentication in the forms GitHub accepts: `token X` / `Bearer X`
// headers for the API, and Basic auth (token as password, or as the user name
// with x-access-token / x-oauth-basic) for both the API and git.
import type { ForgeUser } from './state.js';

function candidates(header: string | undefined): string[] {
  if (!header) return [];
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  switch (scheme.toLowerCase()) {
    case 'token':
    case 'bearer':
      return value ? [value] : [];
    case 'basic': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon === -1) return [decoded];
      return [decoded.slice(colon + 1), decoded.slice(0, colon)].filter(Boolean);
    }
    default:
      return [];
  }
}

export function authenticate(tokens: Map<string, ForgeUser>, header: string | undefined): ForgeUser | undefined {
  for (const token of candidates(header)) {
    const user = tokens.get(token);
    if (user) return user;
  }
  return undefined;
}

/** The header value git sends with `-c http.extraheader=...`. */
export function basicAuthHeader(token: string): string {
  return `Authorization: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}
