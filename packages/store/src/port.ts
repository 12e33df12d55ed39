/**
 * The storage port. Every adapter (embedded SQLite, MongoDB) implements it and passes the
 * contract suite in `contract.ts`. Every tenant-owned record is reached through a method that
 * takes the tenant id first: there is no unscoped query, so another tenant's id simply finds
 * nothing. Only the platform registry (tenants, staff sign-in, sessions) sits above tenants.
 */
import type { JsonValue, LocalText, ServiceDefinition, ServiceVersion } from '@samform/model';

/** A municipality or a collaboration of municipalities. */
export interface Tenant {
  /** Slug of the name: `ostersund`, `region-jamtland-harjedalen`. */
  id: string;
  name: string;
  kind: 'municipality' | 'collaboration';
  /** Collaborations this municipality belongs to (empty for a collaboration). */
  memberOf: string[];
}

/**
 * How a queue's cases leave the platform: `pull` is leasing over the API; `webhook` and
 * `email` are pushed by the delivery workers (issue 7, see `WebhookDelivery`).
 */
export type Delivery = { kind: 'pull' } | WebhookDelivery | EmailDelivery;

/** A named queue of one municipality, e.g. `va`, `avfall`, `ideer`. */
export interface Queue {
  id: string;
  name: LocalText;
  delivery: Delivery;
}

/** Delivery state of a queue item. */
export type QueueItemStatus = 'pending' | 'leased' | 'acked' | 'dead';
/** All delivery states, for validating query strings. */
export const QUEUE_ITEM_STATUSES: readonly QueueItemStatus[] = ['pending', 'leased', 'acked', 'dead'];

/** A queue with its number of items per delivery state. */
export type QueueWithCounts = Queue & { counts: Record<QueueItemStatus, number> };

/** A shared e-service taken up by a municipality: follow the latest version or pin one. */
export interface Adoption {
  /** The collaboration that owns the shared e-service. */
  owner: string;
  serviceId: string;
  track: 'latest' | number;
  /** Local differences (issue 5 gives them their shape). */
  overrides: { [key: string]: JsonValue };
  adoptedAt: string;
}

/** A submission as the server accepts it, before it is stored. */
export interface NewSubmission {
  /** Server-made id (UUID). */
  id: string;
  /** Short human reference shown on the receipt, unique per tenant, e.g. `K7M2-9QX4`. */
  reference: string;
  /** The tenant that owns the e-service (the municipality itself, or the collaboration). */
  serviceOwner: string;
  serviceId: string;
  version: number;
  /** ISO time of receipt: the legal time the public record reached the platform. */
  receivedAt: string;
  /** The queue routing chose. */
  queue: string;
  locale: string;
  data: { [key: string]: JsonValue };
}

/** A stored submission; `tenant` is the municipality that received it. */
export type Submission = NewSubmission & { tenant: string };

/** A submission as seen through its queue. */
export interface QueueItem {
  id: string;
  reference: string;
  /** `serviceId` for the municipality's own e-services, `owner/serviceId` for shared ones. */
  service: string;
  version: number;
  receivedAt: string;
  status: QueueItemStatus;
  /** Times it has been leased. */
  attempts: number;
  data: { [key: string]: JsonValue };
}

/** A lease: the item is the holder's until `leaseUntil` unless acked first. */
export interface Lease {
  item: QueueItem;
  leaseId: string;
  leaseUntil: string;
}

/** `Idempotency-Key` of a submit, with a fingerprint of the request it came with. */
export interface IdempotencyClaim {
  key: string;
  /** Hash of service + body; the same key with another fingerprint is a conflict. */
  fingerprint: string;
}

/** What `acceptSubmission` did: stored it now, or found the first one for that key. */
export interface AcceptResult {
  submission: Submission;
  replayed: boolean;
}

/** A staff account. Roles are per tenant; the password hash is never sent anywhere. */
export interface StaffUser {
  id: string;
  /** Unique over the platform, e.g. `ostersund.handlaggare`. */
  username: string;
  displayName: string;
  /** `scrypt$N$r$p$salt$hash`, see server/src/auth. */
  passwordHash: string;
  tenantRoles: { [tenant: string]: StaffRole[] };
  disabled: boolean;
  /** True for the demo accounts that production mode refuses to run with. */
  demo: boolean;
}

/** A staff role within one tenant. */
export type StaffRole = 'admin' | 'designer' | 'caseworker' | 'auditor';

/** A machine credential of one tenant; only a hash of the secret is stored. */
export interface ApiKey {
  id: string;
  label: string;
  /** SHA-256 hex of the secret. */
  hash: string;
  createdAt: string;
  demo: boolean;
}

/** A stored web session. */
export interface SessionRecord {
  data: { [key: string]: JsonValue };
  expiresAt: string;
}

/** The storage port. All methods are async so that any adapter fits behind it. */
export interface Store {
  /** Which adapter this is, as reported by `/api/health`. */
  readonly kind: 'sqlite' | 'mongodb';
  /** Flush and release the connection; idempotent. */
  close(): Promise<void>;

  // Platform registry.
  /** All tenants, sorted by id. */
  listTenants(): Promise<Tenant[]>;
  getTenant(id: string): Promise<Tenant | null>;
  /** Insert or replace a tenant. */
  putTenant(tenant: Tenant): Promise<void>;

  // E-services (versions are immutable).
  /**
   * Store a new version; ConflictError `version-exists` if that version is there already, and
   * UnprocessableError `service-owner-mismatch` when `version.owner` is not `tenant`.
   */
  publishServiceVersion(tenant: string, version: PublishedServiceVersion): Promise<void>;
  /** One version, or the latest when `version` is omitted; null when there is none. */
  getServiceVersion(tenant: string, serviceId: string, version?: number): Promise<PublishedServiceVersion | null>;
  /** The latest version of each of the tenant's own e-services, sorted by service id. */
  listLatestServiceVersions(tenant: string): Promise<ServiceVersion[]>;
  /** Version numbers of one e-service, ascending. */
  listServiceVersionNumbers(tenant: string, serviceId: string): Promise<number[]>;

  // Adoptions of shared e-services by a municipality.
  /** Insert or replace the tenant's adoption of `owner/serviceId`. */
  putAdoption(tenant: string, adoption: Adoption): Promise<void>;
  listAdoptions(tenant: string): Promise<Adoption[]>;
  getAdoption(tenant: string, owner: string, serviceId: string): Promise<Adoption | null>;

  // Queues.
  /** Insert or replace a queue definition. */
  putQueue(tenant: string, queue: Queue): Promise<void>;
  getQueue(tenant: string, queueId: string): Promise<Queue | null>;
  /** The tenant's queues with item counts per status, sorted by id. */
  listQueues(tenant: string): Promise<QueueWithCounts[]>;

  // Submissions and their queue items: one atomic, durable write.
  /**
   * Store the submission and its queue item in one atomic write that is durable when the
   * promise resolves. With an idempotency claim already used for the same tenant and
   * fingerprint, nothing is written and the first submission is returned with
   * `replayed: true`; with another fingerprint, ConflictError `idempotency-key-reused`.
   * ConflictError `reference-taken` when the tenant has the reference already (nothing is
   * written and the key is not used up, so the server retries with a new reference);
   * `submission-exists` for a duplicate id.
   */
  acceptSubmission(tenant: string, submission: NewSubmission, idempotency?: IdempotencyClaim): Promise<AcceptResult>;
  /**
   * The submission stored earlier under this claim's key, so a retried submit can be answered
   * before anything else is done (its date rules may no longer hold). Null when the key is
   * unused; ConflictError `idempotency-key-reused` when it was used with another fingerprint.
   */
  findIdempotentSubmission(tenant: string, idempotency: IdempotencyClaim): Promise<Submission | null>;
  getSubmission(tenant: string, id: string): Promise<Submission | null>;
  /**
   * Items of a queue, oldest `receivedAt` first (ties in the order stored), optionally of one
   * status; at most `limit` (default 100).
   */
  listQueueItems(tenant: string, queueId: string, options?: { status?: QueueItemStatus; limit?: number }): Promise<QueueItem[]>;
  /**
   * Lease the oldest item that is pending, or leased with an expired lease (`leaseUntil <= now`),
   * for `leaseMs`: status `leased`, `attempts` + 1, a new `leaseId`. Two concurrent callers never
   * get the same item inside one lease. Null when none is free.
   */
  leaseQueueItem(tenant: string, queueId: string, options: { now: Date; leaseMs: number }): Promise<Lease | null>;
  /**
   * Mark a leased item done. NotFoundError `queue-item-not-found` for an unknown item;
   * ConflictError `lease-mismatch` when `leaseId` is not the current, unexpired lease. Acking
   * an item already acked with the same `leaseId` returns it again (a retried ack).
   */
  ackQueueItem(tenant: string, queueId: string, itemId: string, leaseId: string, now: Date): Promise<QueueItem>;

  // Staff and machine credentials.
  /** Insert or replace; ConflictError `username-taken` when another user has the username. */
  putStaffUser(user: StaffUser): Promise<void>;
  getStaffUser(id: string): Promise<StaffUser | null>;
  findStaffUserByUsername(username: string): Promise<StaffUser | null>;
  /** True while any demo account or demo API key exists (production refuses to start). */
  hasDemoCredentials(): Promise<boolean>;
  /** Insert or replace an API key of a tenant; ConflictError `api-key-exists` if another of its keys has the hash. */
  putApiKey(tenant: string, key: ApiKey): Promise<void>;
  /** The tenant's key with this hash, or null (a key of another tenant is not found). */
  findApiKeyByHash(tenant: string, hash: string): Promise<ApiKey | null>;

  // Sessions, so servers stay stateless.
  /** The session, or null when there is none or `expiresAt <= now`. */
  getSession(sid: string, now: Date): Promise<SessionRecord | null>;
  /** Insert or replace; sessions expired by the wall clock may be removed in the background. */
  setSession(sid: string, session: SessionRecord): Promise<void>;
  destroySession(sid: string): Promise<void>;
}

// Attachments (issue 4)
// Declared as one section (the interfaces below merge into `NewSubmission` and `Store`) so the
// attachment part of the port reads, and changes, in one place.

/** A file a citizen uploaded, before it is stored; its type was sniffed from the bytes. */
export interface NewAttachment {
  /** Server-made id (UUID). */
  id: string;
  /** The e-service it was uploaded for: its owner and id. */
  serviceOwner: string;
  serviceId: string;
  /** The sanitised file name. */
  name: string;
  /** The sniffed media type. */
  type: string;
  size: number;
  /** SHA-256 hex of the bytes. */
  sha256: string;
  createdAt: string;
  /** The uploading browser or citizen, when known. */
  citizenKey?: string;
  bytes: Uint8Array;
}

/** A stored attachment's metadata; `submissionId` is null until a submission links it. */
export type AttachmentInfo = Omit<NewAttachment, 'bytes'> & { submissionId: string | null };

/** A stored attachment with its bytes. */
export type StoredAttachment = AttachmentInfo & { bytes: Uint8Array };

export interface NewSubmission {
  /**
   * Attachments the answers refer to, linked in the same atomic write as the submission: each
   * must exist in the tenant and be unlinked, else ConflictError `attachment-unavailable` and
   * nothing is written. Not echoed back by reads.
   */
  attachmentIds?: string[];
}

export interface Store {
  /** Store an uploaded file, unlinked; ConflictError `attachment-exists` for a duplicate id. */
  putAttachment(tenant: string, attachment: NewAttachment): Promise<void>;
  /** Metadata and bytes, or null (another tenant's attachment is not found). */
  getAttachment(tenant: string, id: string): Promise<StoredAttachment | null>;
  /**
   * Link attachments to a stored submission. Linking one already linked to the same submission
   * does nothing; NotFoundError `attachment-not-found` / `submission-not-found` for unknown ids;
   * ConflictError `attachment-unavailable` when one is linked to another submission.
   */
  linkAttachments(tenant: string, submissionId: string, ids: readonly string[]): Promise<void>;
  /**
   * Delete a submission, its queue item and its attachments together (gallring: a case is
   * weeded with its files). True when the submission existed.
   */
  deleteSubmissionWithAttachments(tenant: string, submissionId: string): Promise<boolean>;
  /** Delete the tenant's unlinked attachments created before `time` (files of abandoned drafts); the number deleted. */
  deleteUnlinkedAttachmentsBefore(tenant: string, time: Date): Promise<number>;
}

// Drafts and lifecycle of e-services (issue 4)
// One section (the interface below merges into `Store`): the designer's drafts, who published
// a version, and retirement.

/** A published version with the staff member who published it (absent for seeded versions). */
export type PublishedServiceVersion = ServiceVersion & { publishedBy?: string };

/** A version as listed: everything but its definition. */
export type ServiceVersionInfo = Omit<PublishedServiceVersion, 'owner' | 'serviceId' | 'definition'>;

/** An e-service being edited: at most one draft per tenant and service, saved over and over. */
export interface ServiceDraft {
  serviceId: string;
  definition: ServiceDefinition;
  updatedAt: string;
  /** The staff user id of the last save. */
  updatedBy: string;
}

/** Where one of the tenant's own published e-services stands. */
export interface ServiceStatus {
  serviceId: string;
  latestVersion: number;
  /** A retired e-service is no longer offered to citizens; its versions and cases stay. */
  retired: boolean;
  /** When it was retired; null while offered. */
  retiredAt: string | null;
}

export interface Store {
  /**
   * Insert or replace the tenant's draft of `serviceId`. With `onlyIfAbsent`, ConflictError
   * `draft-exists` when there is one already (nothing is written). UnprocessableError
   * `service-id-mismatch` when `definition.id` is not `serviceId`.
   */
  putServiceDraft(
    tenant: string,
    serviceId: string,
    draft: Omit<ServiceDraft, 'serviceId'>,
    options?: { onlyIfAbsent?: boolean },
  ): Promise<void>;
  getServiceDraft(tenant: string, serviceId: string): Promise<ServiceDraft | null>;
  /** The tenant's drafts, sorted by service id. */
  listServiceDrafts(tenant: string): Promise<ServiceDraft[]>;
  /** Delete a draft; true when there was one. */
  deleteServiceDraft(tenant: string, serviceId: string): Promise<boolean>;
  /** Every version of one e-service without its definition, ascending. */
  listServiceVersions(tenant: string, serviceId: string): Promise<ServiceVersionInfo[]>;
  /**
   * Retire (`retired: true`, at the ISO time `at`) or offer again one of the tenant's published
   * e-services; retiring a retired one keeps the first time. NotFoundError `service-not-found`
   * when the tenant has no version of it.
   */
  setServiceRetired(tenant: string, serviceId: string, retired: boolean, at: string): Promise<void>;
  /** One published e-service's status, or null when the tenant has no version of it. */
  getServiceStatus(tenant: string, serviceId: string): Promise<ServiceStatus | null>;
  /** The status of each of the tenant's published e-services, sorted by service id. */
  listServiceStatuses(tenant: string): Promise<ServiceStatus[]>;
}

/** The part of the port that keeps drafts and the lifecycle of e-services (issue 4). */
export type ServiceLifecycleMethods = Pick<
  Store,
  | 'putServiceDraft'
  | 'getServiceDraft'
  | 'listServiceDrafts'
  | 'deleteServiceDraft'
  | 'listServiceVersions'
  | 'setServiceRetired'
  | 'getServiceStatus'
  | 'listServiceStatuses'
>;

// Adoption upkeep (issue 5)
// One section (the interfaces below merge into `NewSubmission`, `Submission` and `Store`):
// leaving an adoption, its logo, the citizen drafts in flight on a version, and retention.

/** The image types an adoption's logo may have (never SVG: it can carry script). */
export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp';

/** A municipality's logo for one adopted e-service; its type was sniffed from the bytes. */
export interface AdoptionLogo {
  type: LogoType;
  /** SHA-256 hex of the bytes: the logo's name in its address, so it may be cached for good. */
  sha256: string;
  bytes: Uint8Array;
}

/** How many unexpired citizen drafts started on one version. */
export interface DraftCount {
  version: number;
  drafts: number;
}

export interface NewSubmission {
  /** ISO time after which the submission may be weeded once delivered (gallring); absent: kept until a person deletes it. */
  retainUntil?: string;
}

export interface Store {
  /** Delete the tenant's adoption of `owner/serviceId` and its logo; true when there was one. */
  deleteAdoption(tenant: string, owner: string, serviceId: string): Promise<boolean>;
  /** Insert or replace the logo of the tenant's adoption of `owner/serviceId`. */
  putAdoptionLogo(tenant: string, owner: string, serviceId: string, logo: AdoptionLogo): Promise<void>;
  /** The logo of the tenant's adoption of `owner/serviceId`, or null. */
  getAdoptionLogo(tenant: string, owner: string, serviceId: string): Promise<AdoptionLogo | null>;
  /** The tenant's cases of `owner/serviceId` still waiting in a queue: pending, leased or dead (not acked). */
  countWaitingSubmissions(tenant: string, owner: string, serviceId: string): Promise<number>;
  /**
   * Unexpired citizen drafts of the e-service `owner/serviceId` per version, ascending, in any
   * municipality: sessions whose `data.drafts` maps keys to `{ owner, serviceId, version }`
   * (see server/src/pages/citizen-record.ts). Versions without drafts are left out.
   */
  countCitizenDrafts(owner: string, serviceId: string, now: Date): Promise<DraftCount[]>;
  /**
   * Weed the tenant's delivered submissions whose `retainUntil <= now`: acked ones only, never
   * one still pending, leased or dead. Each goes with its attachments and idempotency key, as in
   * `deleteSubmissionWithAttachments`; at most `limit` (default 500) per call. The number deleted.
   */
  deleteExpiredSubmissions(tenant: string, now: Date, limit?: number): Promise<number>;
}

/** The part of the port that keeps adoptions up (issue 5). */
export type AdoptionUpkeepMethods = Pick<
  Store,
  'deleteAdoption' | 'putAdoptionLogo' | 'getAdoptionLogo' | 'countWaitingSubmissions' | 'countCitizenDrafts' | 'deleteExpiredSubmissions'
>;
// Cases and their events (issue 7)
// One section (the interface below merges into `Store`): every accepted submission is a case
// with a stop on its e-service's workflow, an assignee, and an append-only list of events.

/** What happened on a case, as a case worker records it. */
export type CaseEventInput =
  /** Moved from one workflow stop to another, with an optional message to the citizen. */
  | { kind: 'status'; from: string; to: string; final: boolean; message?: string }
  /** An internal note: never shown to the citizen. */
  | { kind: 'note'; text: string }
  /** A message to the citizen. */
  | { kind: 'message'; text: string }
  /** The recording staff member took the case. */
  | { kind: 'claim' }
  /** The case was released (by its assignee or a colleague). */
  | { kind: 'unclaim' };

/** A recorded case event: `seq` counts from 1 per case; `by` is the staff user id. */
export type CaseEvent = CaseEventInput & { seq: number; at: string; by: string };

/** The kinds of case event. */
export type CaseEventKind = CaseEvent['kind'];

/** Where a case stands. */
export interface CaseState {
  /** The id of its current workflow stop. */
  status: string;
  /** True at a final stop. */
  closed: boolean;
  /** The staff user id of the case worker who claimed it, or null. */
  assignee: string | null;
  /** Unguessable; the citizen's status link carries it. */
  statusToken: string;
  /** ISO time of the last event (the time of receipt before any). */
  updatedAt: string;
}

/** A case: the submission with its state. */
export type CaseRecord = Submission & { case: CaseState };

/** A case as a list shows it: no answers. */
export type CaseSummary = Omit<Submission, 'data' | 'locale'> & { case: CaseState };

/** Filters and paging of a queue's case list; `assignee: null` is "not claimed". */
export interface CaseListOptions {
  status?: string;
  assignee?: string | null;
  /** Only cases not at a final stop (true) or only closed ones (false). */
  open?: boolean;
  /** At most this many (default 50). */
  limit?: number;
  /** Skip this many first. */
  offset?: number;
}

/** Open cases of one queue: all, not claimed, and claimed by the asking user. */
export interface OpenCaseCounts {
  queue: string;
  open: number;
  unassigned: number;
  mine: number;
}

export interface Store {
  /**
   * The case of a submission. `acceptSubmission` opens it in the same atomic write, at the
   * first stop of the version's workflow (`received` when it has none), with a new status token.
   */
  getCase(tenant: string, submissionId: string): Promise<CaseRecord | null>;
  /** The case whose status link carries `token`, or null (another tenant's token is not found). */
  findCaseByStatusToken(tenant: string, token: string): Promise<CaseRecord | null>;
  /** A queue's cases, oldest `receivedAt` first, with the number matching the filters. */
  listCases(tenant: string, queueId: string, options?: CaseListOptions): Promise<{ total: number; cases: CaseSummary[] }>;
  /** Open-case counts of each of the tenant's queues that has cases, sorted by queue id. */
  countOpenCases(tenant: string, userId: string): Promise<OpenCaseCounts[]>;
  /**
   * Append an event and apply it to the case in one atomic write: `status` moves the case
   * (ConflictError `case-status-changed` when `from` is not its stop any more), `claim` makes
   * `by` the assignee (ConflictError `case-claimed` when someone else holds it), `unclaim`
   * clears it. A claim by the assignee, or an unclaim of an unclaimed case, records nothing
   * (`event: null`). NotFoundError `case-not-found` for an unknown case.
   * `options.outbox`: e-mails the event causes (a message to the citizen), written in the same
   * atomic write as the event, and not at all when nothing is recorded or the write fails.
   */
  recordCaseEvent(
    tenant: string,
    submissionId: string,
    event: CaseEventInput & { at: string; by: string },
    options?: { outbox?: OutboxMessage[] },
  ): Promise<{ case: CaseRecord; event: CaseEvent | null }>;
  /** The case's events in the order recorded; empty for an unknown case. */
  listCaseEvents(tenant: string, submissionId: string): Promise<CaseEvent[]>;
}

/** The part of the port that keeps cases and their events (issue 7). */
export type CaseMethods = Pick<Store, 'getCase' | 'findCaseByStatusToken' | 'listCases' | 'countOpenCases' | 'recordCaseEvent' | 'listCaseEvents'>;

// Delivery (issue 7)
// One section (the interfaces below merge into `QueueItem`, `NewSubmission`, `StaffUser` and
// `Store`): pushed delivery, retry scheduling and dead letters of queue items, and a durable
// outbox of e-mails written in the same atomic write as what caused them.

/** Push each case as a signed JSON POST to `url`; `secret` keys the HMAC-SHA256 signature. */
export interface WebhookDelivery {
  kind: 'webhook';
  url: string;
  secret: string;
}

/** Send each case as an e-mail to `to`. */
export interface EmailDelivery {
  kind: 'email';
  to: string;
}

export interface QueueItem {
  /** ISO time before which the item is not leased (a scheduled retry); absent when free now. */
  notBefore?: string;
  /** Why the last delivery attempt failed; absent when none has. */
  lastError?: string;
  /** ISO time of the first lease since the item was received or redriven (the retry window counts from it). */
  firstAttemptAt?: string;
}

/** An e-mail waiting to be sent; rendered when it is enqueued, so sending needs nothing else. */
export interface OutboxMessage {
  /** Unique per tenant; a deterministic id (`digest:2025-03-01`) makes enqueueing idempotent. */
  id: string;
  /** What it is, for logs and tests: `receipt`, `webhook-failure`, `digest`, … */
  kind: string;
  to: string[];
  subject: string;
  text: string;
  createdAt: string;
}

/** A stored outbox message with its sending state. */
export type StoredOutboxMessage = OutboxMessage & {
  status: 'pending' | 'leased' | 'sent' | 'dead';
  attempts: number;
  lastError?: string;
};

/** A lease on an outbox message, like a queue item's `Lease`. */
export interface OutboxLease {
  message: StoredOutboxMessage;
  leaseId: string;
  leaseUntil: string;
}

export interface NewSubmission {
  /**
   * E-mails to send because of this submission (the citizen's receipt), written in the same
   * atomic write so a crash after 201 cannot lose them. Not echoed back by reads.
   */
  outbox?: OutboxMessage[];
}

export interface StaffUser {
  /** Where notices for the tenant's admins go (webhook failures, the daily digest). */
  email?: string;
}

export interface Store {
  /**
   * Give a leased item back: pending again, leasable from `now + delayMs` (default 0), with
   * `error` kept as `lastError` when given. Same errors as `ackQueueItem`.
   */
  nackQueueItem(
    tenant: string,
    queueId: string,
    itemId: string,
    leaseId: string,
    options: { now: Date; delayMs?: number; error?: string },
  ): Promise<QueueItem>;
  /** Give up on a leased item: status `dead` with `error` as `lastError`. Same errors as `ackQueueItem`. */
  deadLetterQueueItem(tenant: string, queueId: string, itemId: string, leaseId: string, options: { now: Date; error: string }): Promise<QueueItem>;
  /**
   * A dead item back to `pending`, free now, attempts and first attempt reset (the last error
   * stays for the record). NotFoundError `queue-item-not-found`; ConflictError `not-dead`.
   */
  redriveQueueItem(tenant: string, queueId: string, itemId: string): Promise<QueueItem>;
  /** Redrive every dead item of the queue; how many. */
  redriveDeadQueueItems(tenant: string, queueId: string): Promise<number>;
  /** Staff users holding `role` in the tenant, sorted by username. */
  listStaffUsersWithRole(tenant: string, role: StaffRole): Promise<StaffUser[]>;

  /** Enqueue an e-mail; false (and nothing written) when the tenant has a message with that id. */
  enqueueOutboxMessage(tenant: string, message: OutboxMessage): Promise<boolean>;
  /** Lease the oldest pending (and due) or lease-expired message, like `leaseQueueItem`. */
  leaseOutboxMessage(tenant: string, options: { now: Date; leaseMs: number }): Promise<OutboxLease | null>;
  /**
   * Finish a leased message: `sent`, or `retry` (pending, due at `now + delayMs`), or `dead`.
   * NotFoundError `outbox-message-not-found`; ConflictError `lease-mismatch` as for queue items.
   */
  settleOutboxMessage(
    tenant: string,
    id: string,
    leaseId: string,
    outcome: { now: Date } & ({ status: 'sent' } | { status: 'retry'; delayMs: number; error: string } | { status: 'dead'; error: string }),
  ): Promise<StoredOutboxMessage>;
  /** The tenant's outbox messages, oldest first, optionally of one kind (for tests and the digest). */
  listOutboxMessages(tenant: string, options?: { kind?: string; limit?: number }): Promise<StoredOutboxMessage[]>;
}

/** The part of the port that delivery workers and dead-letter handling use (issue 7). */
export type DeliveryMethods = Pick<
  Store,
  | 'nackQueueItem'
  | 'deadLetterQueueItem'
  | 'redriveQueueItem'
  | 'redriveDeadQueueItems'
  | 'listStaffUsersWithRole'
  | 'enqueueOutboxMessage'
  | 'leaseOutboxMessage'
  | 'settleOutboxMessage'
  | 'listOutboxMessages'
>;

// Staff administration and the audit log (issue 6)
// One section (the interfaces below merge into `StaffUser`, `ApiKey` and `Store`): per-queue case
// workers, platform administrators, key management, and each tenant's audit log.

export interface StaffUser {
  /**
   * The queues a case worker works, per tenant. The caseworker role reaches only these queues;
   * absent or empty means none. Other roles ignore it.
   */
  queues?: { [tenant: string]: string[] };
  /** Manages tenants themselves (list, create, appoint the first admin); gives no right inside a tenant. */
  platformAdmin?: boolean;
}

export interface ApiKey {
  /** The first characters of the secret, shown so people can tell keys apart. */
  prefix?: string;
  /** The queues the key may reach; absent means all of the tenant's queues. */
  queues?: string[];
  /** ISO time of the last use (updated at most about once a minute), null when never used. */
  lastUsedAt?: string | null;
}

/** The audit log of the platform itself (logins with unknown usernames, tenant changes); no tenant has this id. */
export const PLATFORM_LOG = '_platform';

/** Who did something, as the audit log keeps it. */
export type AuditActor =
  | { kind: 'staff'; userId: string; username: string }
  | { kind: 'api-key'; keyId: string; tenant: string }
  | { kind: 'anonymous'; username?: string };

/** An audit entry before it is stored. Never holds a personnummer in clear text. */
export interface NewAuditEntry {
  /** ISO time. */
  at: string;
  /** What happened, e.g. `login`, `login-failed`, `queue-item-read`, `service-published`. */
  kind: string;
  actor: AuditActor;
  /** What it was done to, e.g. `va/1f0c…` or `felanmalan`. */
  target?: string;
  /** A few more facts (a version, the roles given). */
  detail?: { [key: string]: JsonValue };
  /** The caller's address, truncated (IPv4 /24, IPv6 /48). */
  ip?: string;
}

/** A stored audit entry; `id` is the paging cursor. */
export type AuditEntry = NewAuditEntry & { id: string };

/** How to page through a tenant's audit log. */
export interface AuditQuery {
  /** Only entries of this kind. */
  kind?: string;
  /** Only entries older than the entry with this id (the previous page's last). */
  before?: string;
  /** At most this many (default 50, at most 500). */
  limit?: number;
}

export interface Store {
  /** The staff with any role or queue in the tenant, sorted by username. */
  listStaffUsers(tenant: string): Promise<StaffUser[]>;
  /** The platform administrators, sorted by username. */
  listPlatformAdmins(): Promise<StaffUser[]>;
  /** The tenant's API keys, oldest first. */
  listApiKeys(tenant: string): Promise<ApiKey[]>;
  getApiKey(tenant: string, id: string): Promise<ApiKey | null>;
  /** Delete one of the tenant's keys (revoke); true when it existed. */
  deleteApiKey(tenant: string, id: string): Promise<boolean>;
  /** Record that the key was used at the ISO time `at`; nothing when the key is gone. */
  touchApiKey(tenant: string, id: string, at: string): Promise<void>;
  /** Append an entry to the tenant's audit log (or to PLATFORM_LOG's); returns it with its id. */
  appendAudit(tenant: string, entry: NewAuditEntry): Promise<AuditEntry>;
  /** The tenant's audit entries, newest first (last appended first), filtered and paged. */
  listAudit(tenant: string, query?: AuditQuery): Promise<AuditEntry[]>;
  /** One item of one of the tenant's queues, or null (another queue's or tenant's item is not found). */
  getQueueItem(tenant: string, queueId: string, itemId: string): Promise<QueueItem | null>;
}

/** The part of the port that administers staff and keys and keeps the audit log (issue 6). */
export type StaffAdminMethods = Pick<
  Store,
  'listStaffUsers' | 'listPlatformAdmins' | 'listApiKeys' | 'getApiKey' | 'deleteApiKey' | 'touchApiKey' | 'appendAudit' | 'listAudit'
>;
