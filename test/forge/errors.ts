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
  ) {
    super(message);
  }

  body(documentationUrl: string): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: documentationUrl,
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
