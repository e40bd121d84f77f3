"""The PostgreSQL schema (`refserver.storage.postgres`): the SQLite store's tables plus delivery
leases on outbox rows and durable timer rows; the database clock every process compares against."""

from .base import COMMON_SCHEMA, shared_schema, typed_schema

SERIAL, REAL = "BIGSERIAL PRIMARY KEY", "DOUBLE PRECISION"

SCHEMA = (
    COMMON_SCHEMA
    + typed_schema(SERIAL, REAL)
    + shared_schema(SERIAL, REAL)
    + """
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS lease_until DOUBLE PRECISION;
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
"""
)

# The database's clock, in seconds since the epoch (what every process compares against).
NOW = "extract(epoch from clock_timestamp())::double precision"

# Taken once per database while the schema is created: processes starting together do not race on CREATE.
SCHEMA_LOCK = 0x7265667365727665  # "refserve"
