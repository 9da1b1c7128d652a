package io.stockline.stock;

import java.util.Optional;

/**
 * Where moved quantity comes from or goes to. {@code SELLABLE} is the free part of onHand:
 * moving out of it raises an unsellable bucket without changing onHand.
 */
public enum MoveBucket {
    SELLABLE(null), DAMAGED(Bucket.DAMAGED), QUALITY_CONTROL(Bucket.QUALITY_CONTROL);

    private final Bucket bucket;

    MoveBucket(Bucket bucket) {
        this.bucket = bucket;
    }

    Optional<Bucket> bucket() {
        return Optional.ofNullable(bucket);
    }
}
