/**
 * Failures as typed errors with a stable code and an HTTP status. Adapters translate driver
 * errors into these so no driver type crosses the storage port; the server's one error
 * middleware turns them into `{ code, message }`.
 */
export class AppError extends Error {
  constructor(
    /** Stable, kebab-case, e.g. `service-not-found`. */
    readonly code: string,
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist in this tenant (or belongs to another one). */
export class NotFoundError extends AppError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, 404, message, options);
  }
}

/** A write collides with what is stored (duplicate key, stale lease, reused idempotency key). */
export class ConflictError extends AppError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, 409, message, options);
  }
}

/** The request is understood but its content is not acceptable. */
export class UnprocessableError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly errors: { path: string; keyword: string; message: string }[] = [],
    options?: { cause?: unknown },
  ) {
    super(code, 422, message, options);
  }
}
