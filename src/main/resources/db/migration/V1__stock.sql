-- Locations, SKUs, balances per (SKU, location), the append-only ledger and idempotency.

CREATE TABLE location (
    location_key TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    address      TEXT,
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    priority     INTEGER     NOT NULL DEFAULT 100,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT location_pk PRIMARY KEY (location_key),
    CONSTRAINT location_type_known CHECK (type IN ('WAREHOUSE', 'STORE', 'DROPSHIP'))
);

CREATE UNIQUE INDEX location_name_uq ON location (name);

CREATE TABLE sku (
    sku        TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT sku_pk PRIMARY KEY (sku)
);

CREATE TABLE stock_level (
    sku             TEXT        NOT NULL,
    location_key    TEXT        NOT NULL,
    on_hand         BIGINT      NOT NULL DEFAULT 0,
    reserved        BIGINT      NOT NULL DEFAULT 0,
    committed       BIGINT      NOT NULL DEFAULT 0,
    damaged         BIGINT      NOT NULL DEFAULT 0,
    quality_control BIGINT      NOT NULL DEFAULT 0,
    safety_stock    BIGINT      NOT NULL DEFAULT 0,
    version         BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT stock_level_pk PRIMARY KEY (sku, location_key),
    CONSTRAINT stock_level_sku_fk FOREIGN KEY (sku) REFERENCES sku (sku),
    CONSTRAINT stock_level_location_fk FOREIGN KEY (location_key)
        REFERENCES location (location_key),
    CONSTRAINT stock_level_buckets_not_negative CHECK (
        on_hand >= 0 AND reserved >= 0 AND committed >= 0
        AND damaged >= 0 AND quality_control >= 0 AND safety_stock >= 0),
    CONSTRAINT stock_level_on_hand_bounded CHECK (on_hand <= 1000000000),
    CONSTRAINT stock_level_allocated_within_on_hand CHECK (
        reserved + committed + damaged + quality_control <= on_hand)
);

CREATE INDEX stock_level_location_idx ON stock_level (location_key, sku);

CREATE TABLE ledger_entry (
    entry_id              BIGSERIAL   NOT NULL,
    sku                   TEXT        NOT NULL,
    location_key          TEXT        NOT NULL,
    reason                TEXT        NOT NULL,
    reference             TEXT,
    actor                 TEXT,
    idempotency_key       TEXT,
    on_hand_delta         BIGINT      NOT NULL,
    reserved_delta        BIGINT      NOT NULL,
    committed_delta       BIGINT      NOT NULL,
    damaged_delta         BIGINT      NOT NULL,
    quality_control_delta BIGINT      NOT NULL,
    safety_stock_delta    BIGINT      NOT NULL,
    on_hand               BIGINT      NOT NULL,
    reserved              BIGINT      NOT NULL,
    committed             BIGINT      NOT NULL,
    damaged               BIGINT      NOT NULL,
    quality_control       BIGINT      NOT NULL,
    safety_stock          BIGINT      NOT NULL,
    version               BIGINT      NOT NULL,
    occurred_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT ledger_entry_pk PRIMARY KEY (entry_id),
    CONSTRAINT ledger_entry_stock_level_fk FOREIGN KEY (sku, location_key)
        REFERENCES stock_level (sku, location_key),
    CONSTRAINT ledger_entry_version_uq UNIQUE (sku, location_key, version)
);

CREATE INDEX ledger_entry_time_idx ON ledger_entry (occurred_at, entry_id);

-- The ledger is history: once written, a row is never changed or removed.
CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();

CREATE TABLE idempotency_record (
    idempotency_key TEXT        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    status          INTEGER,
    content_type    TEXT,
    location_header TEXT,
    etag            TEXT,
    body            BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (idempotency_key)
);

CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
