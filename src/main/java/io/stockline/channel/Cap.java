package io.stockline.channel;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The most a channel may offer: either a number of units or a percentage of what it could
 * offer after its buffer. Exactly one of the two is set.
 *
 * @param units   at most this many units; null when the cap is a percentage
 * @param percent at most floor(percent × quantity / 100) units, 0 to 100; null when the cap
 *                is in units
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cap(Long units, Integer percent) {

    /** The capped quantity of a quantity that is never negative. */
    public long limit(long quantity) {
        if (units != null) {
            return Math.min(quantity, units);
        }
        return quantity * percent / 100;
    }
}
