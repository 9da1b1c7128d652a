package io.stockline.web;

/**
 * The rule for SKUs and keys alike: surrounding spaces are trimmed; what remains is 1 to 128
 * characters, none of them a control character; comparison is exact and case-sensitive.
 */
public final class Identifiers {

    /** Longest SKU or key accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    /**
     * Checks and trims an identifier.
     *
     * @param field the field name reported when the value breaks the rule
     * @param raw   the value as received; may be null (refused)
     * @return the trimmed value
     */
    public static String require(String field, String raw) {
        if (raw == null) {
            throw new InvalidInput(field, "required", "is required");
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            throw new InvalidInput(field, "not-blank", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput(field, "max-length",
                    "must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
        int replaced = value.indexOf('\uFFFD');
        if (replaced >= 0) {
            throw new InvalidInput(field, "valid-text", "holds U+FFFD at index " + replaced
                    + ": the text was not valid UTF-8 where it came from");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInput(field, "no-control-characters",
                        "must not contain control characters (found U+%04X at index %d)"
                                .formatted((int) value.charAt(i), i));
            }
        }
        return value;
    }
}
