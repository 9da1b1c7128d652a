-- Orders created by committing a reservation, and what happened to each line since.

CREATE TABLE customer_order (
    order_id       TEXT        NOT NULL,
    reservation_id UUID        NOT NULL,
    channel        TEXT        NOT NULL,
    reference      TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_order_pk PRIMARY KEY (order_id),
    CONSTRAINT customer_order_reservation_uq UNIQUE (reservation_id)
);

-- One SKU of an order at one location: the quantity ordered there (committed stock) and how
-- much of it has been shipped, cancelled and taken back.
CREATE TABLE order_line (
    order_id     TEXT   NOT NULL,
    sku          TEXT   NOT NULL,
    location_key TEXT   NOT NULL,
    ordered      BIGINT NOT NULL,
    fulfilled    BIGINT NOT NULL DEFAULT 0,
    cancelled    BIGINT NOT NULL DEFAULT 0,
    returned     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT order_line_pk PRIMARY KEY (order_id, sku, location_key),
    CONSTRAINT order_line_order_fk FOREIGN KEY (order_id) REFERENCES customer_order (order_id),
    CONSTRAINT order_line_quantities_valid CHECK (
        ordered > 0 AND fulfilled >= 0 AND cancelled >= 0 AND returned >= 0
        AND fulfilled + cancelled <= ordered AND returned <= fulfilled)
);

-- Units of an order that no location had when it was placed (backorders and preorders).
CREATE TABLE order_backorder (
    order_id  TEXT   NOT NULL,
    sku       TEXT   NOT NULL,
    ordered   BIGINT NOT NULL,
    cancelled BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT order_backorder_pk PRIMARY KEY (order_id, sku),
    CONSTRAINT order_backorder_order_fk FOREIGN KEY (order_id)
        REFERENCES customer_order (order_id),
    CONSTRAINT order_backorder_quantities_valid CHECK (
        ordered > 0 AND cancelled BETWEEN 0 AND ordered)
);
