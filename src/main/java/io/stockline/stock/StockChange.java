package io.stockline.stock;

import java.util.EnumMap;
import java.util.Map;

/**
 * One change of one (SKU, location) row: per bucket either a new absolute value or a delta,
 * with the conditions under which it may apply. Built by the stock, reservation and order
 * features; applied by {@link StockService#apply} in one conditional SQL statement.
 *
 * @param expectedVersion   apply only at this row version (compare-and-set); may be null
 * @param expectedOnHand    apply only while onHand is this; may be null
 * @param keepsAvailability refuse when the row's available quantity would drop below zero
 *                          (holds), as opposed to physical moves that may eat safety stock
 */
public record StockChange(String sku, String location, Map<Bucket, Long> absolute,
        Map<Bucket, Long> deltas, Long expectedVersion, Long expectedOnHand,
        boolean keepsAvailability, Entry entry) {

    /** What the ledger records about the change. */
    public record Entry(Reason reason, String reference, String actor, String idempotencyKey) {
    }

    /** Starts a change of the row (sku, location). */
    public static Builder of(String sku, String location) {
        return new Builder(sku, location);
    }

    long delta(Bucket bucket) {
        return deltas.getOrDefault(bucket, 0L);
    }

    Long absolute(Bucket bucket) {
        return absolute.get(bucket);
    }

    /** Collects a change step by step. */
    public static final class Builder {

        private final String sku;
        private final String location;
        private final Map<Bucket, Long> absolute = new EnumMap<>(Bucket.class);
        private final Map<Bucket, Long> deltas = new EnumMap<>(Bucket.class);
        private Long expectedVersion;
        private Long expectedOnHand;
        private boolean keepsAvailability;

        private Builder(String sku, String location) {
            this.sku = sku;
            this.location = location;
        }

        public Builder by(Bucket bucket, long delta) {
            deltas.merge(bucket, delta, Long::sum);
            return this;
        }

        public Builder to(Bucket bucket, Long value) {
            if (value != null) {
                absolute.put(bucket, value);
            }
            return this;
        }

        public Builder expectVersion(Long version) {
            this.expectedVersion = version;
            return this;
        }

        public Builder expectOnHand(Long onHand) {
            this.expectedOnHand = onHand;
            return this;
        }

        /** Refuse the change when it would leave less than nothing available. */
        public Builder keepingAvailability() {
            this.keepsAvailability = true;
            return this;
        }

        public StockChange because(Reason reason, String reference, String actor,
                String idempotencyKey) {
            return new StockChange(sku, location, Map.copyOf(absolute), Map.copyOf(deltas),
                    expectedVersion, expectedOnHand, keepsAvailability,
                    new Entry(reason, reference, actor, idempotencyKey));
        }
    }
}
