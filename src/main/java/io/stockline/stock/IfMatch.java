package io.stockline.stock;

import io.stockline.web.InvalidInput;

/** Reads a row version out of an {@code If-Match} header: {@code "7"}, {@code W/"7"}, 7. */
final class IfMatch {

    private IfMatch() {
    }

    /** The version to compare against, or null when the header is absent or {@code *}. */
    static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "version",
                    "must be a row version such as \"7\", was " + header);
        }
    }
}
