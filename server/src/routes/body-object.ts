import { AppError } from '@samform/model';

/** The parsed JSON body as an object (an absent body is `{}`); anything else is 400. */
export function bodyObject(body: unknown): { [key: string]: unknown } {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AppError('invalid-body', 400, 'The body must be a JSON object.');
  return body as { [key: string]: unknown };
}
