package io.stockline.reservation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.stockline.channel.Channel;
import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.Quantities;

/**
 * A checked request to hold stock for a cart.
 *
 * @param ttl            how long the hold lasts
 * @param reference      the client's cart id; may be null
 * @param actor          who asked, for the ledger; may be null
 * @param idempotencyKey the request's Idempotency-Key, for the ledger; may be null
 */
public record Hold(String channel, List<Line> lines, Duration ttl, String reference,
        String actor, String idempotencyKey) {

    static final int MAX_REFERENCE_LENGTH = 500;

    /**
     * One SKU to hold.
     *
     * @param location the only location to hold it at; null lets the channel choose
     */
    public record Line(String sku, long quantity, String location) {
    }

    /** A line as the client sent it; any field may be null. */
    record RawLine(String sku, Long quantity, String location) {
    }

    /** Checks a client's request; the refusals name the field and the rule. */
    static Hold checked(String channel, List<RawLine> lines, Long ttlSeconds, String reference,
            ReservationProperties properties, String actor, String idempotencyKey) {
        return new Hold(
                channel == null ? Channel.DEFAULT
                        : Identifiers.require("channel", channel),
                checkedLines(lines, properties.maxLines()),
                ttl(ttlSeconds, properties),
                reference(reference), actor, idempotencyKey);
    }

    /** A TTL in seconds, the configured default when null. */
    static Duration ttl(Long ttlSeconds, ReservationProperties properties) {
        if (ttlSeconds == null) {
            return properties.defaultTtl();
        }
        long max = properties.maxTtl().toSeconds();
        if (ttlSeconds < 1 || ttlSeconds > max) {
            throw new InvalidInput("ttlSeconds", "range",
                    "must be between 1 and " + max + ", was " + ttlSeconds);
        }
        return Duration.ofSeconds(ttlSeconds);
    }

    private static List<Line> checkedLines(List<RawLine> lines, int maxLines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInput("lines", "not-empty", "must hold at least one line");
        }
        if (lines.size() > maxLines) {
            throw new InvalidInput("lines", "max-size",
                    "must hold at most " + maxLines + " lines, was " + lines.size());
        }
        List<Line> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            checked.add(checkedLine("lines[" + i + "]", lines.get(i)));
        }
        return List.copyOf(checked);
    }

    private static Line checkedLine(String field, RawLine line) {
        if (line == null) {
            throw new InvalidInput(field, "required", "must not be null");
        }
        return new Line(Identifiers.require(field + ".sku", line.sku()),
                Quantities.positive(field + ".quantity", line.quantity()),
                line.location() == null ? null
                        : Identifiers.require(field + ".location", line.location()));
    }

    private static String reference(String reference) {
        if (reference != null && reference.length() > MAX_REFERENCE_LENGTH) {
            throw new InvalidInput("reference", "max-length", "must be at most "
                    + MAX_REFERENCE_LENGTH + " characters, was " + reference.length());
        }
        return reference == null ? null : reference.strip();
    }
}
