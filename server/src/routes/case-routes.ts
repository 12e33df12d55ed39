import { Router } from 'express';
import type { Request } from 'express';
import { AppError, UnprocessableError } from '@samform/model';
import { jsonBody } from '../http/json-body.ts';
import { pathParam } from '../http/path-param.ts';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { changeCase, getCaseView, listCaseHistory, listInbox, listQueueCases } from '../services/case-service.ts';
import type { CaseChange, CaseListQuery } from '../services/case-service.ts';
import { guard } from './guard.ts';
import type { RouteDeps } from './route-deps.ts';

const DEFAULT_PAGE_SIZE = 25;

function invalidQuery(message: string): AppError {
  return new AppError('invalid-query', 400, message);
}

// Query values are strings (the app's simple parser): anything repeated or unknown is refused.
function queryOf(req: Request, allowed: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (!allowed.includes(key)) throw invalidQuery(`Unknown query parameter "${key.slice(0, 40)}".`);
    if (typeof value !== 'string') throw invalidQuery(`Query parameter "${key}" must be given once.`);
    query[key] = value;
  }
  return query;
}

function whole(value: string | undefined, name: string, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) throw invalidQuery(`${name} must be a whole number from 1 to ${max}.`);
  return Number(value);
}

function listQuery(req: Request): CaseListQuery {
  const { status, assignee, open, page, limit } = queryOf(req, ['status', 'assignee', 'open', 'page', 'limit']);
  if (status !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(status)) throw invalidQuery('status must be a stop id.');
  if (assignee !== undefined && !/^[A-Za-z0-9._-]{1,100}$/.test(assignee)) throw invalidQuery('assignee must be me, none or a staff user id.');
  if (open !== undefined && open !== 'true' && open !== 'false') throw invalidQuery('open must be true or false.');
  return {
    ...(status === undefined ? {} : { status }),
    ...(assignee === undefined ? {} : { assignee }),
    ...(open === undefined ? {} : { open: open === 'true' }),
    page: whole(page, 'page', 100_000, 1),
    limit: whole(limit, 'limit', 100, DEFAULT_PAGE_SIZE),
  };
}

function badBody(path: string, message: string): UnprocessableError {
  return new UnprocessableError('invalid-body', message, [{ path, keyword: 'type', message }]);
}

function objectBody(body: unknown, allowed: readonly string[]): { [key: string]: unknown } {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badBody('', 'The body must be a JSON object.');
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw badBody(`/${key.slice(0, 40)}`, `Unknown property "${key.slice(0, 40)}".`);
  return body as { [key: string]: unknown };
}

function optionalString(body: { [key: string]: unknown }, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badBody(`/${key}`, `${key} must be a string.`);
  return value;
}

function requiredString(body: { [key: string]: unknown }, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined) throw badBody(`/${key}`, `${key} is required.`);
  return value;
}

function statusChange(body: unknown): CaseChange {
  const fields = objectBody(body, ['to', 'from', 'message']);
  const to = requiredString(fields, 'to');
  const from = optionalString(fields, 'from');
  const message = optionalString(fields, 'message');
  // An empty message field in the form means "no message".
  const said = message === undefined || message.trim() === '' ? undefined : message;
  return { kind: 'status', to, ...(from === undefined ? {} : { from }), ...(said === undefined ? {} : { message: said }) };
}

/**
 * The case workers' inbox: queues with open cases, a queue's cases, one case with its answers
 * and history, and the changes a case worker makes (claim, release, status, note, message).
 */
export function caseRoutes(deps: RouteDeps): Router {
  const router = Router({ mergeParams: true });

  // Each route names its permission; a queue in the path is checked by the guard too.
  const read = guard(deps, 'cases:read');
  const work = guard(deps, 'cases:work');

  router.get('/inbox', read, async (req, res) => {
    queryOf(req, []);
    res.json({ queues: await listInbox(deps.services(res), actorOf(res), { tenant: tenantOf(res) }) });
  });

  router.get('/inbox/:queue/cases', read, async (req, res) => {
    res.json(await listQueueCases(deps.services(res), actorOf(res), { tenant: tenantOf(res), queueId: pathParam(req, 'queue'), query: listQuery(req) }));
  });

  router.get('/cases/:case', read, async (req, res) => {
    queryOf(req, []);
    res.json(await getCaseView(deps.services(res), actorOf(res), { tenant: tenantOf(res), caseId: pathParam(req, 'case') }));
  });

  router.get('/cases/:case/events', read, async (req, res) => {
    queryOf(req, []);
    res.json({ events: await listCaseHistory(deps.services(res), actorOf(res), { tenant: tenantOf(res), caseId: pathParam(req, 'case') }) });
  });

  const change = (path: string, parse: (body: unknown) => CaseChange, required: boolean) =>
    router.post(`/cases/:case/${path}`, work, jsonBody({ required }), async (req, res) => {
      const parsed = parse(req.body);
      // The case worker reached Samform at this origin (their write passed the same-origin check), so citizens do too.
      const origin = `${req.protocol}://${req.host}`;
      res.json(await changeCase(deps.services(res), actorOf(res), { tenant: tenantOf(res), caseId: pathParam(req, 'case'), change: parsed, origin }));
    });
  change('claim', (body) => (objectBody(body, []), { kind: 'claim' }), false);
  change('unclaim', (body) => (objectBody(body, []), { kind: 'unclaim' }), false);
  change('status', statusChange, true);
  change('notes', (body) => ({ kind: 'note', text: requiredString(objectBody(body, ['text']), 'text') }), true);
  change('messages', (body) => ({ kind: 'message', text: requiredString(objectBody(body, ['text']), 'text') }), true);

  return router;
}
