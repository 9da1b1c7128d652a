package io.stockline.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A webhook subscription as the API shows it; the secret is never shown after creation.
 *
 * @param eventTypes the types delivered; empty means every type
 * @param skuFilter  the SKUs delivered; empty means every SKU
 * @param disabledReason why delivery stopped, or null while active
 */
record Webhook(UUID id, String url, List<String> eventTypes, List<String> skuFilter,
        String status, String disabledReason, int consecutiveFailures, Instant createdAt,
        @JsonIgnore String secret) {
}
