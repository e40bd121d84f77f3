"""The PostgreSQL schema (`refserver.storage.postgres`): the SQLite store's tables plus delivery
leases on outbox rows and durable timer rows; the database clock every process compares against."""

from .base import COMMON_SCHEMA

SCHEMA = (
    COMMON_SCHEMA
    + """
CREATE TABLE IF NOT EXISTS calls (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    leg_id TEXT NOT NULL,
    alive INTEGER NOT NULL,
    connection_id TEXT,
    direction TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_leg ON calls (leg_id);
CREATE INDEX IF NOT EXISTS calls_live ON calls (connection_id, direction) WHERE alive = 1;
CREATE TABLE IF NOT EXISTS outbox (
    seq BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    account TEXT NOT NULL,
    call_control_id TEXT,
    order_key TEXT NOT NULL,
    event TEXT NOT NULL,
    event_type TEXT NOT NULL,
    envelope TEXT NOT NULL,
    url TEXT NOT NULL,
    failover_url TEXT,
    timeout DOUBLE PRECISION NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DOUBLE PRECISION NOT NULL,
    delivered_to TEXT,
    created_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until DOUBLE PRECISION
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (order_key, seq) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_key ON outbox (order_key, seq);
CREATE INDEX IF NOT EXISTS outbox_status ON outbox (status, seq);
CREATE TABLE IF NOT EXISTS deliveries (
    id BIGSERIAL PRIMARY KEY,
    seq BIGINT NOT NULL,
    attempt INTEGER NOT NULL,
    url TEXT NOT NULL,
    status_code INTEGER,
    error TEXT,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_seq ON deliveries (seq);
CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT NOT NULL,
    command_id TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    result TEXT,
    PRIMARY KEY (scope, command_id)
);
CREATE TABLE IF NOT EXISTS recordings (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    leg_id TEXT NOT NULL,
    format TEXT NOT NULL,
    duration DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS timers (
    id BIGSERIAL PRIMARY KEY,
    call_id TEXT NOT NULL,
    name TEXT NOT NULL,
    due_at DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    args TEXT NOT NULL,
    lease_owner TEXT,
    lease_until DOUBLE PRECISION,
    UNIQUE (call_id, name)
);
CREATE INDEX IF NOT EXISTS timers_due ON timers (due_at);
CREATE TABLE IF NOT EXISTS scripts (
    id BIGSERIAL PRIMARY KEY,
    account TEXT,
    to_number TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS scripts_to ON scripts (to_number, id);
"""
)

# The database's clock, in seconds since the epoch (what every process compares against).
NOW = "extract(epoch from clock_timestamp())::double precision"

# Taken once per database while the schema is created: processes starting together do not race on CREATE.
SCHEMA_LOCK = 0x7265667365727665  # "refserve"
