/**
 * Refusals that come from how a repository or organisation is set up, not from the rollback: the
 * on-call engineer needs the setting to change or the token to use, in one line, not GitHub's text.
 */
const REFUSALS: ReadonlyArray<{ readonly pattern: RegExp; readonly advice: string }> = [
  {
    pattern: /GitHub Actions is not permitted to create or approve pull requests/i,
    advice:
      'GitHub Actions is not permitted to create pull requests in this repository: turn on Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" (in the organisation\'s settings first, if it is greyed out there), or pass a GitHub App token as input token',
  },
  {
    pattern: /Commits must have (valid|verified) signatures|GH006[^\n]*signature/i,
    advice: 'the branch requires signed commits: set input `sign-commits: true`, so the action makes its commits through GitHub\'s API, which signs them',
  },
  {
    pattern: /Resource not accessible by integration/i,
    advice: 'the token lacks a permission: give the job `permissions: contents: write` and `pull-requests: write`, or pass a token that has them as input token',
  },
  {
    pattern: /refusing to allow a (GitHub App|OAuth App) to create or update workflow/i,
    advice: 'the change touches .github/workflows, which needs a token with the `workflows` permission (GITHUB_TOKEN never has it): pass a GitHub App token with it as input token',
  },
  {
    pattern: /Permission to \S+ denied to|The requested URL returned error: 403/i,
    advice: 'the token may not push to this repository: give the job `permissions: contents: write`, or pass a token with write access as input token, and as components-token for component repositories',
  },
];

/** The advice for a refusal by settings, or undefined when the text is something else. */
export function settingsAdvice(text: string): string | undefined {
  return REFUSALS.find((r) => r.pattern.test(text))?.advice;
}

/** A failure's message, followed by the setting to change when settings caused it. */
export function withAdvice(message: string): string {
  const advice = settingsAdvice(message);
  return advice ? `${message}; ${advice}` : message;
}

/** GitHub's own message of an Octokit error (its `response.data.message`), else the error's. */
export function gitHubMessage(err: unknown): string {
  const data = (err as { response?: { data?: { message?: unknown } } }).response?.data;
  if (typeof data?.message === 'string') return data.message;
  return err instanceof Error ? err.message : String(err);
}
