import type { Request } from 'express';
import { NotFoundError } from '@samform/model';

/** A named path segment as a string (Express types allow arrays for wildcards). */
export function pathParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  if (typeof value !== 'string') throw new NotFoundError('not-found', 'No such API endpoint.');
  return value;
}
