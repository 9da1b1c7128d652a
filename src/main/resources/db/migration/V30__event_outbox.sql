-- The transactional outbox and event log: one row per event, written in the transaction of
-- the change it describes. The relay numbers committed rows in commit order (sequence) and
-- per subject (sku_version); until then both are NULL and the row is not yet readable.

CREATE TABLE event_outbox (
    local_id     BIGSERIAL   NOT NULL,
    event_id     UUID        NOT NULL,
    type         TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    data         JSON        NOT NULL,
    sequence     BIGINT,
    sku_version  BIGINT,
    published_at TIMESTAMPTZ,
    CONSTRAINT event_outbox_pk PRIMARY KEY (local_id),
    CONSTRAINT event_outbox_event_id_uq UNIQUE (event_id),
    CONSTRAINT event_outbox_numbered_together CHECK (
        (sequence IS NULL) = (sku_version IS NULL))
);

CREATE UNIQUE INDEX event_outbox_sequence_uq ON event_outbox (sequence);
CREATE UNIQUE INDEX event_outbox_subject_version_uq ON event_outbox (subject, sku_version);
CREATE INDEX event_outbox_pending_idx ON event_outbox (local_id) WHERE sequence IS NULL;
CREATE INDEX event_outbox_subject_sequence_idx ON event_outbox (subject, sequence);
CREATE INDEX event_outbox_type_sequence_idx ON event_outbox (type, sequence);

-- The last version handed out per subject (SKU), so that versions stay gapless.
CREATE TABLE event_subject_version (
    subject TEXT   NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT event_subject_version_pk PRIMARY KEY (subject)
);

-- Webhook subscriptions, one row per receiver.
CREATE TABLE webhook_subscription (
    subscription_id      UUID        NOT NULL,
    url                  TEXT        NOT NULL,
    event_types          TEXT[]      NOT NULL,
    sku_filter           TEXT[]      NOT NULL,
    secret               TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    disabled_reason      TEXT,
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT webhook_subscription_pk PRIMARY KEY (subscription_id),
    CONSTRAINT webhook_subscription_status_known CHECK (status IN ('ACTIVE', 'DISABLED'))
);

-- One delivery per (subscription, event): its state survives restarts.
CREATE TABLE webhook_delivery (
    delivery_id      BIGSERIAL   NOT NULL,
    subscription_id  UUID        NOT NULL,
    sequence         BIGINT      NOT NULL,
    subject          TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    leased_until     TIMESTAMPTZ,
    first_attempt_at TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (delivery_id),
    CONSTRAINT webhook_delivery_subscription_fk FOREIGN KEY (subscription_id)
        REFERENCES webhook_subscription (subscription_id) ON DELETE CASCADE,
    CONSTRAINT webhook_delivery_event_fk FOREIGN KEY (sequence)
        REFERENCES event_outbox (sequence),
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, sequence),
    CONSTRAINT webhook_delivery_status_known CHECK (
        status IN ('PENDING', 'DELIVERED', 'DEAD'))
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at)
    WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (subscription_id, subject, sequence)
    WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, delivery_id);

-- How far the webhook fan-out has read the event log.
CREATE TABLE webhook_cursor (
    cursor_id     INTEGER NOT NULL,
    last_sequence BIGINT  NOT NULL,
    CONSTRAINT webhook_cursor_pk PRIMARY KEY (cursor_id),
    CONSTRAINT webhook_cursor_single CHECK (cursor_id = 1)
);

INSERT INTO webhook_cursor (cursor_id, last_sequence) VALUES (1, 0);
