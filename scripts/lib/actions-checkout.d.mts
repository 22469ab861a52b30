/** How actions/checkout leaves its credentials behind (see actions-checkout.mjs). */
export type PersistedCredentials = 'v4' | 'v6' | 'none';

export interface CheckoutOptions {
  readonly serverUrl: string;
  readonly owner: string;
  readonly name: string;
  readonly token: string;
  /** GITHUB_WORKSPACE, for a checkout without `path:`. */
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly persist?: PersistedCredentials;
  readonly branch?: string;
  /** The commit the workflow run is for (`github.sha`); default: the branch's tip on the server. */
  readonly sha?: string;
}

export function checkoutLikeActions(options: CheckoutOptions): Promise<void>;
export function credentialFiles(workspace: string, runnerTemp: string): Record<string, string>;
