import { UnprocessableError } from '@samform/model';
import type { StaffRole } from '@samform/store';

/** One problem in a request body, pointed to by a JSON Pointer. */
export interface BodyProblem {
  path: string;
  keyword: string;
  message: string;
}

/** The shortest password an administrator may set. */
export const MIN_PASSWORD_LENGTH = 12;
/** Staff roles a tenant can give. */
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'designer', 'caseworker', 'auditor'];

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const QUEUE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Collects problems of one body and throws them together as UnprocessableError `code`. */
export class BodyReader {
  readonly problems: BodyProblem[] = [];
  constructor(
    private readonly body: { [key: string]: unknown },
    private readonly allowed: readonly string[],
  ) {
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) this.problems.push({ path: `/${key.slice(0, 40)}`, keyword: 'additionalProperties', message: 'is not a field of this request' });
    }
  }

  has(key: string): boolean {
    return this.body[key] !== undefined;
  }

  username(key: string): string | undefined {
    const value = this.body[key];
    if (typeof value === 'string' && USERNAME.test(value)) return value;
    this.problems.push({ path: `/${key}`, keyword: 'pattern', message: '3–64 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit' });
    return undefined;
  }

  text(key: string, max: number): string | undefined {
    const value = this.body[key];
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= max) return value.trim();
    this.problems.push({ path: `/${key}`, keyword: 'type', message: `a text of 1–${max} characters` });
    return undefined;
  }

  password(key: string): string | undefined {
    const value = this.body[key];
    if (typeof value === 'string' && value.length >= MIN_PASSWORD_LENGTH && value.length <= 1024) return value;
    this.problems.push({ path: `/${key}`, keyword: 'minLength', message: `a password of at least ${MIN_PASSWORD_LENGTH} characters` });
    return undefined;
  }

  boolean(key: string): boolean | undefined {
    const value = this.body[key];
    if (typeof value === 'boolean') return value;
    this.problems.push({ path: `/${key}`, keyword: 'type', message: 'true or false' });
    return undefined;
  }

  roles(key: string): StaffRole[] | undefined {
    const value = this.body[key];
    if (!Array.isArray(value)) {
      this.problems.push({ path: `/${key}`, keyword: 'type', message: `a list of roles: ${STAFF_ROLES.join(', ')}` });
      return undefined;
    }
    const roles: StaffRole[] = [];
    value.forEach((item: unknown, i) => {
      const role = STAFF_ROLES.find((r) => r === item);
      if (role === undefined) this.problems.push({ path: `/${key}/${i}`, keyword: 'enum', message: `one of ${STAFF_ROLES.join(', ')}` });
      else if (!roles.includes(role)) roles.push(role);
    });
    return roles;
  }

  /** A list of queue ids, each one of `known`. */
  queues(key: string, known: readonly string[]): string[] | undefined {
    const value = this.body[key];
    if (!Array.isArray(value)) {
      this.problems.push({ path: `/${key}`, keyword: 'type', message: 'a list of queue ids' });
      return undefined;
    }
    const queues: string[] = [];
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'string' || !QUEUE_ID.test(item) || !known.includes(item)) {
        this.problems.push({ path: `/${key}/${i}`, keyword: 'enum', message: `one of the tenant's queues: ${known.join(', ')}` });
      } else if (!queues.includes(item)) queues.push(item);
    });
    return queues;
  }

  /** Throw every problem found so far as one 422. */
  done(code: string, what: string): void {
    if (this.problems.length === 0) return;
    const first = this.problems.slice(0, 3).map((p) => `${p.path} ${p.message}`).join('; ');
    throw new UnprocessableError(code, `The ${what} has ${this.problems.length} problem(s): ${first}`, this.problems);
  }
}
