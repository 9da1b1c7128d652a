-- Imports: one row per run, and the (SKU, location) pairs a run has already met, so that a
-- pair that appears twice in one file is reported instead of applied twice. The pairs are
-- scratch data kept only while the run lasts, hence UNLOGGED.

CREATE TABLE import_run (
    import_id   UUID        NOT NULL,
    format      TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    rows_read   BIGINT      NOT NULL DEFAULT 0,
    applied     BIGINT      NOT NULL DEFAULT 0,
    unchanged   BIGINT      NOT NULL DEFAULT 0,
    skipped     BIGINT      NOT NULL DEFAULT 0,
    failed      BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT import_run_pk PRIMARY KEY (import_id)
);

CREATE UNLOGGED TABLE import_pair (
    import_id    UUID   NOT NULL,
    sku          TEXT   NOT NULL,
    location_key TEXT   NOT NULL,
    line         BIGINT NOT NULL,
    CONSTRAINT import_pair_pk PRIMARY KEY (import_id, sku, location_key)
);
