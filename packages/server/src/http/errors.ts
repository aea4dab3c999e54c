/**
 * The few error classes the API raises. Each has a stable machine-readable code and an
 * HTTP status; the error handler turns them into `{ code, message, field? }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One problem of a validated document, its place and its words in both languages (the model builder's). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: { readonly zh: string; readonly en: string };
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    field?: string,
    code = 'validation_failed',
    /** Every problem, for a client to show in its reader's language. */
    readonly issues?: readonly ValidationIssue[],
  ) {
    super(400, code, message, field);
  }
}

export class AuthenticationError extends AppError {
  constructor(message = 'Sign-in required', code = 'unauthenticated') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission for this action', code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, code = 'not_found') {
    super(404, code, `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string, code = 'conflict') {
    super(409, code, message, field);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message = 'Too many requests, try again later',
    code = 'rate_limited',
    /** Sent as Retry-After when known. */
    readonly retryAfterSeconds?: number,
  ) {
    super(429, code, message);
  }
}

/**
 * A step the procedure refuses: 409 when the matter is not in a state that allows it, 422
 * when the state does but the person or the payload does not. The reason is the core's,
 * in both languages, for the client to show in its reader's.
 */
export class StepRefusedError extends AppError {
  constructor(
    status: 409 | 422,
    code: string,
    readonly reason: { readonly zh: string; readonly en: string },
  ) {
    super(status, code, reason.en);
  }
}
