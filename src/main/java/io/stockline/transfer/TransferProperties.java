package io.stockline.transfer;

import java.util.Map;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of imports and exports.
 *
 * @param defaultLocation location key for commercetools entries without a supply channel and
 *                        Shopify files without a {@code Location} column; may be null, then
 *                        such rows are reported as failed
 * @param channelIds      commercetools channel id to Stockline location key, for entries whose
 *                        {@code supplyChannel} names an {@code id} instead of a {@code key}
 * @param chunkSize       rows applied per database transaction
 * @param maxProblems     problems listed in a summary; the count covers all of them
 */
@ConfigurationProperties("stockline.transfer")
public record TransferProperties(String defaultLocation, Map<String, String> channelIds,
        @DefaultValue("500") int chunkSize, @DefaultValue("100") int maxProblems) {

    public TransferProperties {
        if (defaultLocation != null) {
            defaultLocation = valid("default-location", defaultLocation);
        }
        channelIds = channelIds == null ? Map.of() : Map.copyOf(channelIds);
        channelIds.values().forEach(key -> valid("channel-ids", key));
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException(
                    "stockline.transfer.chunk-size must be 1..10000, was " + chunkSize);
        }
        if (maxProblems < 0 || maxProblems > 10_000) {
            throw new IllegalArgumentException(
                    "stockline.transfer.max-problems must be 0..10000, was " + maxProblems);
        }
    }

    private static String valid(String name, String key) {
        try {
            return Identifiers.require(name, key);
        } catch (InvalidInput e) {
            throw new IllegalArgumentException("stockline.transfer." + e.getMessage(), e);
        }
    }
}
