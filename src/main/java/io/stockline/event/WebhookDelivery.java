package io.stockline.event;

import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to one subscription, as the delivery log and dead-letter list show it.
 *
 * @param status PENDING, DELIVERED or DEAD
 */
record WebhookDelivery(long deliveryId, UUID eventId, long sequence, String type, String sku,
        String status, int attempts, Integer lastStatusCode, String lastError,
        Instant firstAttemptAt, Instant lastAttemptAt, Instant nextAttemptAt,
        Instant deliveredAt) {
}
