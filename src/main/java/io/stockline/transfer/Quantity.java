package io.stockline.transfer;

import java.util.regex.Pattern;

import io.stockline.web.Quantities;

/**
 * Quantities as files write them: whole numbers only ({@code 1.5} is refused, not rounded),
 * never negative for onHand (reported, not clamped to zero).
 */
final class Quantity {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    private Quantity() {
    }

    /** Shopify's marker for a SKU that is not stocked at a location. */
    static boolean notStocked(String text) {
        return "not stocked".equalsIgnoreCase(text.strip());
    }

    /** A whole number written as text, of any sign. */
    static long whole(String field, String text) {
        String value = text.strip();
        if (!WHOLE.matcher(value).matches()) {
            throw new RowRefused(field + ": must be a whole number, was '" + value + "'");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RowRefused(field + ": must be at most " + Quantities.MAX
                    + ", was " + value);
        }
    }

    /** An onHand Stockline can hold: 0 to {@link Quantities#MAX}. */
    static long onHand(String field, long value) {
        if (value < 0) {
            throw new RowRefused(field + ": " + value + " is negative; Stockline cannot hold"
                    + " negative stock and does not clamp it");
        }
        if (value > Quantities.MAX) {
            throw new RowRefused(field + ": must be at most " + Quantities.MAX
                    + ", was " + value);
        }
        return value;
    }
}
