// A GitHub-style error response that a handler can throw from any depth.

export interface ValidationErrorItem {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: ValidationErrorItem[],
    /** Some refusals point at a help article rather than the operation's reference page. */
    readonly documentationUrl?: string,
  ) {
    super(message);
  }

  body(documentationUrl: string): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: this.documentationUrl ?? documentationUrl,
      status: String(this.status),
    };
  }
}

export function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

export function validationFailed(errors: ValidationErrorItem[]): HttpError {
  return new HttpError(422, 'Validation Failed', errors);
}

export function unprocessable(message: string): HttpError {
  return new HttpError(422, message);
}

export const PROTECTED_BRANCHES_DOCS = 'https://docs.github.com/articles/about-protected-branches';

/** A refusal by a protected branch's rules. */
export function protectedBranchRefusal(status: number, message: string): HttpError {
  return new HttpError(status, message, undefined, PROTECTED_BRANCHES_DOCS);
}
