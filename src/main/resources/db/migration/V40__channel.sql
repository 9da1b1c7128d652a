-- Sales channels: the locations each sells from, in priority order, and how it shows stock.

CREATE TABLE channel (
    channel_key         TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    buffer              BIGINT      NOT NULL DEFAULT 0,
    cap_units           BIGINT,
    cap_percent         INTEGER,
    low_stock_threshold BIGINT      NOT NULL,
    backorders          BOOLEAN     NOT NULL DEFAULT FALSE,
    preorders           BOOLEAN     NOT NULL DEFAULT FALSE,
    messages            TEXT        NOT NULL DEFAULT '{}',
    version             BIGINT      NOT NULL DEFAULT 1,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT channel_pk PRIMARY KEY (channel_key),
    CONSTRAINT channel_buffer_bounded CHECK (buffer BETWEEN 0 AND 1000000000),
    CONSTRAINT channel_one_cap CHECK (cap_units IS NULL OR cap_percent IS NULL),
    CONSTRAINT channel_cap_units_bounded CHECK (cap_units BETWEEN 0 AND 1000000000),
    CONSTRAINT channel_cap_percent_bounded CHECK (cap_percent BETWEEN 0 AND 100),
    CONSTRAINT channel_threshold_bounded CHECK (low_stock_threshold BETWEEN 0 AND 1000000000)
);

CREATE TABLE channel_location (
    channel_key  TEXT    NOT NULL,
    location_key TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    CONSTRAINT channel_location_pk PRIMARY KEY (channel_key, location_key),
    CONSTRAINT channel_location_channel_fk FOREIGN KEY (channel_key)
        REFERENCES channel (channel_key) ON DELETE CASCADE,
    CONSTRAINT channel_location_location_fk FOREIGN KEY (location_key)
        REFERENCES location (location_key),
    CONSTRAINT channel_location_position_uq UNIQUE (channel_key, position)
);

CREATE INDEX channel_location_location_idx ON channel_location (location_key);
