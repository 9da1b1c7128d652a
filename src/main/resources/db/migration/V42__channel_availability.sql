-- The availability read model: one row per (SKU, channel), kept current inside every
-- transaction that changes stock, inbound shipments or channels.

CREATE TABLE channel_availability (
    sku          TEXT        NOT NULL,
    channel_key  TEXT        NOT NULL,
    available    BIGINT      NOT NULL,
    status       TEXT        NOT NULL,
    restock_date DATE,
    version      BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT channel_availability_pk PRIMARY KEY (sku, channel_key),
    CONSTRAINT channel_availability_available_not_negative CHECK (available >= 0),
    CONSTRAINT channel_availability_status_known CHECK (status IN (
        'IN_STOCK', 'LOW_STOCK', 'OUT_OF_STOCK', 'BACKORDER', 'PREORDER', 'COMING_SOON'))
);

CREATE INDEX channel_availability_channel_idx ON channel_availability (channel_key, sku);
