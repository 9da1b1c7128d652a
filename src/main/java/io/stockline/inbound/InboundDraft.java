package io.stockline.inbound;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.Quantities;

/**
 * A checked announcement of an inbound shipment.
 *
 * @param lines quantity per SKU, in the order given
 */
record InboundDraft(String location, LocalDate expectedAt, String reference,
        Map<String, Long> lines) {

    static final int MAX_LINES = 1000;

    /** Body of POST /inbound-shipments; any field may be null. */
    record Raw(String location, String expectedAt, String reference, List<RawLine> lines) {
    }

    /** One line of a shipment or a receipt. */
    record RawLine(String sku, Long quantity) {
    }

    static InboundDraft of(Raw raw) {
        String location = Identifiers.require("location", raw.location());
        if (raw.reference() != null && raw.reference().length() > 500) {
            throw new InvalidInput("reference", "max-length",
                    "must be at most 500 characters, was " + raw.reference().length());
        }
        String reference = raw.reference() == null ? null : raw.reference().strip();
        return new InboundDraft(location, date(raw.expectedAt()), reference,
                lines(raw.lines()));
    }

    /** Quantity per SKU of a shipment's or a receipt's lines; a SKU may appear once. */
    static Map<String, Long> lines(List<RawLine> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInput("lines", "required", "must contain at least one line");
        }
        if (raw.size() > MAX_LINES) {
            throw new InvalidInput("lines", "max-count",
                    "must contain at most " + MAX_LINES + " lines, was " + raw.size());
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            RawLine line = raw.get(i);
            if (line == null) {
                throw new InvalidInput("lines[" + i + "]", "required", "must not be null");
            }
            String sku = Identifiers.require("lines[" + i + "].sku", line.sku());
            if (!seen.add(sku)) {
                throw new InvalidInput("lines[" + i + "].sku", "unique",
                        "SKU '" + sku + "' appears on more than one line");
            }
            lines.put(sku, Quantities.positive("lines[" + i + "].quantity", line.quantity()));
        }
        return lines;
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInput("expectedAt", "required",
                    "is required: an ISO-8601 date such as 2026-05-12");
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException notADate) {
            return dateOfTimestamp(raw.strip());
        }
    }

    private static LocalDate dateOfTimestamp(String raw) {
        try {
            return OffsetDateTime.parse(raw).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("expectedAt", "date",
                    "must be an ISO-8601 date such as 2026-05-12 or a timestamp with offset, "
                            + "was '" + raw + "'");
        }
    }

    List<String> skus() {
        return new ArrayList<>(lines.keySet());
    }
}
