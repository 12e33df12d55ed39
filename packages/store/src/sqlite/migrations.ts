/**
 * The SQLite schema as an ordered list of migrations; `PRAGMA user_version` records how many
 * have run. Append only: a released migration is never edited.
 *
 * Every tenant-owned table leads its primary key and indices with `tenant`, so each query is a
 * prefix scan of one tenant. Definitions, answers and other nested values are JSON text.
 * Times that are compared (`lease_until`, `expires_at`) are epoch milliseconds; times that are
 * only shown are kept as the ISO strings they arrived as.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_of TEXT NOT NULL
  ) STRICT;

  CREATE TABLE service_versions (
    tenant TEXT NOT NULL,
    service_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    published_at TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (tenant, service_id, version)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE adoptions (
    tenant TEXT NOT NULL,
    owner TEXT NOT NULL,
    service_id TEXT NOT NULL,
    track TEXT NOT NULL,
    overrides TEXT NOT NULL,
    adopted_at TEXT NOT NULL,
    PRIMARY KEY (tenant, owner, service_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE queues (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    delivery TEXT NOT NULL,
    PRIMARY KEY (tenant, id)
  ) STRICT, WITHOUT ROWID;

  -- A submission and its delivery state are one row, so accepting is one insert.
  CREATE TABLE submissions (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    reference TEXT NOT NULL,
    service_owner TEXT NOT NULL,
    service_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    queue TEXT NOT NULL,
    locale TEXT NOT NULL,
    data TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'leased', 'acked', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_id TEXT,
    lease_until INTEGER,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, reference)
  ) STRICT;
  CREATE INDEX submissions_by_queue_status ON submissions (tenant, queue, status, received_at);
  CREATE INDEX submissions_by_queue ON submissions (tenant, queue, received_at);

  CREATE TABLE idempotency_keys (
    tenant TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    PRIMARY KEY (tenant, key),
    FOREIGN KEY (tenant, submission_id) REFERENCES submissions (tenant, id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE staff_users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    tenant_roles TEXT NOT NULL,
    disabled INTEGER NOT NULL,
    demo INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX staff_users_demo ON staff_users (demo);

  CREATE TABLE api_keys (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    label TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    demo INTEGER NOT NULL,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, hash)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE sessions (
    sid TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  `,
  // Issue 4: uploaded files, kept in the database so a backup of the file holds every case whole.
  `
  CREATE TABLE attachments (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    service_owner TEXT NOT NULL,
    service_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    citizen_key TEXT,
    submission_id TEXT,
    bytes BLOB NOT NULL,
    PRIMARY KEY (tenant, id),
    FOREIGN KEY (tenant, submission_id) REFERENCES submissions (tenant, id)
  ) STRICT;
  CREATE INDEX attachments_by_submission ON attachments (tenant, submission_id);
  CREATE INDEX attachments_unlinked ON attachments (tenant, created_ms) WHERE submission_id IS NULL;
  CREATE INDEX idempotency_keys_by_submission ON idempotency_keys (tenant, submission_id);
  `,
  // Issue 4: the designer's drafts, who published a version, and retired e-services.
  `
  CREATE TABLE service_drafts (
    tenant TEXT NOT NULL,
    service_id TEXT NOT NULL,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (tenant, service_id)
  ) STRICT, WITHOUT ROWID;

  -- A row while the e-service is retired; offering it again deletes the row.
  CREATE TABLE service_retirements (
    tenant TEXT NOT NULL,
    service_id TEXT NOT NULL,
    retired_at TEXT NOT NULL,
    PRIMARY KEY (tenant, service_id)
  ) STRICT, WITHOUT ROWID;

  ALTER TABLE service_versions ADD COLUMN published_by TEXT;
  `,
  // Issue 5: when a delivered case may be weeded, and the logos of adoptions.
  `
  ALTER TABLE submissions ADD COLUMN retain_until_ms INTEGER;
  CREATE INDEX submissions_by_retention ON submissions (tenant, retain_until_ms) WHERE retain_until_ms IS NOT NULL;
  CREATE INDEX submissions_by_service ON submissions (tenant, service_owner, service_id, status);

  CREATE TABLE adoption_logos (
    tenant TEXT NOT NULL,
    owner TEXT NOT NULL,
    service_id TEXT NOT NULL,
    type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (tenant, owner, service_id)
  ) STRICT, WITHOUT ROWID;
  `,
  // Issue 7: every submission is a case with a workflow stop, an assignee and append-only events.
  // Submissions stored before open their case here at their version's first stop.
  `
  CREATE TABLE cases (
    tenant TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    status TEXT NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0,
    assignee TEXT,
    status_token TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, submission_id),
    FOREIGN KEY (tenant, submission_id) REFERENCES submissions (tenant, id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;
  CREATE UNIQUE INDEX cases_by_status_token ON cases (tenant, status_token);

  CREATE TABLE case_events (
    tenant TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, submission_id, seq),
    FOREIGN KEY (tenant, submission_id) REFERENCES cases (tenant, submission_id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;

  INSERT INTO cases (tenant, submission_id, status, status_token, updated_at)
  SELECT s.tenant, s.id,
    COALESCE((SELECT json_extract(v.definition, '$.workflow[0].id') FROM service_versions v
              WHERE v.tenant = s.service_owner AND v.service_id = s.service_id AND v.version = s.version), 'received'),
    lower(hex(randomblob(18))), s.received_at
  FROM submissions s;
  `,
  // Issue 7: scheduled retries and dead letters of pushed delivery, admins' e-mail, and the
  // outbox of e-mails (written in the same transaction as what caused them).
  `
  ALTER TABLE submissions ADD COLUMN not_before INTEGER;
  ALTER TABLE submissions ADD COLUMN last_error TEXT;
  ALTER TABLE submissions ADD COLUMN first_attempt_at INTEGER;
  ALTER TABLE staff_users ADD COLUMN email TEXT;

  CREATE TABLE outbox (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'leased', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER,
    lease_id TEXT,
    lease_until INTEGER,
    last_error TEXT,
    PRIMARY KEY (tenant, id)
  ) STRICT;
  CREATE INDEX outbox_by_status ON outbox (tenant, status);
  `,
  // Issue 6: case workers per queue, platform administrators, key management, the audit log.
  `
  ALTER TABLE staff_users ADD COLUMN queues TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE staff_users ADD COLUMN platform_admin INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE api_keys ADD COLUMN prefix TEXT;
  ALTER TABLE api_keys ADD COLUMN queues TEXT;
  ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;

  -- seq gives the order of appends, newest first by seq; the tenant leads every index.
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    ip TEXT
  ) STRICT;
  CREATE INDEX audit_log_by_tenant ON audit_log (tenant, seq);
  CREATE INDEX audit_log_by_kind ON audit_log (tenant, kind, seq);
  `,
];
