package io.stockline.web;

/**
 * Bounds on quantities: absolute values lie in [0, {@value #MAX}], deltas in
 * [-{@value #MAX}, {@value #MAX}].
 */
public final class Quantities {

    /** The largest quantity Stockline holds in one bucket. */
    public static final long MAX = 1_000_000_000L;

    private Quantities() {
    }

    /** Checks an absolute quantity; null passes as "not given" when optional. */
    public static Long absolute(String field, Long value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidInput(field, "required", "is required");
            }
            return null;
        }
        if (value < 0 || value > MAX) {
            throw new InvalidInput(field, "range",
                    "must be between 0 and " + MAX + ", was " + value);
        }
        return value;
    }

    /** Checks a relative change: required, non-zero, within bounds. */
    public static long delta(String field, Long value) {
        if (value == null) {
            throw new InvalidInput(field, "required", "is required");
        }
        if (value == 0) {
            throw new InvalidInput(field, "non-zero", "must not be zero");
        }
        if (value < -MAX || value > MAX) {
            throw new InvalidInput(field, "range",
                    "must be between -" + MAX + " and " + MAX + ", was " + value);
        }
        return value;
    }

    /** Checks a positive quantity such as a hold or a move. */
    public static long positive(String field, Long value) {
        if (value == null) {
            throw new InvalidInput(field, "required", "is required");
        }
        if (value < 1 || value > MAX) {
            throw new InvalidInput(field, "range",
                    "must be between 1 and " + MAX + ", was " + value);
        }
        return value;
    }
}
