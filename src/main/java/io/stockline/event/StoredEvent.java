package io.stockline.event;

import java.time.Instant;
import java.util.UUID;

/** A numbered row of the event log. */
record StoredEvent(long sequence, UUID id, String type, String subject, long skuVersion,
        Instant occurredAt, String data) {
}
