-- Checkout reservations: a hold of quantities for a cart at concrete locations, for a time.

CREATE TABLE reservation (
    reservation_id UUID        NOT NULL,
    channel        TEXT        NOT NULL,
    reference      TEXT,
    status         TEXT        NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    order_id       TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT reservation_pk PRIMARY KEY (reservation_id),
    CONSTRAINT reservation_status_known CHECK (
        status IN ('ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    CONSTRAINT reservation_order_only_when_committed CHECK (
        (status = 'COMMITTED') = (order_id IS NOT NULL))
);

-- The sweeper's work list: active reservations by expiry.
CREATE INDEX reservation_due_idx ON reservation (expires_at) WHERE status = 'ACTIVE';

CREATE TABLE reservation_line (
    reservation_id     UUID    NOT NULL,
    line_no            INTEGER NOT NULL,
    sku                TEXT    NOT NULL,
    requested_location TEXT,
    quantity           BIGINT  NOT NULL,
    backordered        BIGINT  NOT NULL,
    CONSTRAINT reservation_line_pk PRIMARY KEY (reservation_id, line_no),
    CONSTRAINT reservation_line_reservation_fk FOREIGN KEY (reservation_id)
        REFERENCES reservation (reservation_id),
    CONSTRAINT reservation_line_quantity_positive CHECK (quantity > 0),
    CONSTRAINT reservation_line_backordered_within_quantity CHECK (
        backordered BETWEEN 0 AND quantity)
);

CREATE TABLE reservation_allocation (
    reservation_id UUID    NOT NULL,
    line_no        INTEGER NOT NULL,
    location_key   TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    quantity       BIGINT  NOT NULL,
    CONSTRAINT reservation_allocation_pk PRIMARY KEY (reservation_id, line_no, location_key),
    CONSTRAINT reservation_allocation_line_fk FOREIGN KEY (reservation_id, line_no)
        REFERENCES reservation_line (reservation_id, line_no),
    CONSTRAINT reservation_allocation_quantity_positive CHECK (quantity > 0)
);

-- Per SKU: whether holds beyond availability are allowed, up to how many units, and how many
-- units are backordered right now (on active reservations and open orders).
CREATE TABLE backorder_policy (
    sku             TEXT        NOT NULL,
    mode            TEXT        NOT NULL,
    backorder_limit BIGINT      NOT NULL,
    backordered     BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT backorder_policy_pk PRIMARY KEY (sku),
    CONSTRAINT backorder_policy_mode_known CHECK (mode IN ('DENY', 'ALLOW', 'PREORDER')),
    CONSTRAINT backorder_policy_limit_bounded CHECK (
        backorder_limit BETWEEN 0 AND 1000000000),
    CONSTRAINT backorder_policy_backordered_not_negative CHECK (backordered >= 0)
);
