-- Inbound shipments: stock on its way to a location, with the date it is expected.

CREATE TABLE inbound_shipment (
    shipment_id  TEXT        NOT NULL,
    location_key TEXT        NOT NULL,
    reference    TEXT,
    expected_on  DATE        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT inbound_shipment_pk PRIMARY KEY (shipment_id),
    CONSTRAINT inbound_shipment_location_fk FOREIGN KEY (location_key)
        REFERENCES location (location_key)
);

CREATE TABLE inbound_line (
    shipment_id TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    sku         TEXT    NOT NULL,
    quantity    BIGINT  NOT NULL,
    received    BIGINT  NOT NULL DEFAULT 0,
    CONSTRAINT inbound_line_pk PRIMARY KEY (shipment_id, sku),
    CONSTRAINT inbound_line_shipment_fk FOREIGN KEY (shipment_id)
        REFERENCES inbound_shipment (shipment_id),
    CONSTRAINT inbound_line_quantity_bounded CHECK (quantity BETWEEN 1 AND 1000000000),
    CONSTRAINT inbound_line_received_within_quantity CHECK (
        received >= 0 AND received <= quantity)
);

-- Open lines per SKU feed the restock date of availability.
CREATE INDEX inbound_line_open_sku_idx ON inbound_line (sku)
    WHERE received < quantity;
