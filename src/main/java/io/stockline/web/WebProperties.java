package io.stockline.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shared HTTP settings.
 *
 * @param idempotencyRetention how long an Idempotency-Key and its answer are kept; at least
 *                             24 hours, so that a client may retry for a day
 */
@ConfigurationProperties("stockline.web")
public record WebProperties(@DefaultValue("PT48H") Duration idempotencyRetention) {

    public WebProperties {
        if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException(
                    "stockline.web.idempotency-retention must be at least PT24H, was "
                            + idempotencyRetention);
        }
    }
}
