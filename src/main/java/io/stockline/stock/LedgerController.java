package io.stockline.stock;

import java.time.Instant;
import java.util.List;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for the movement history. */
@RestController
class LedgerController {

    private final LedgerEntries ledger;

    LedgerController(LedgerEntries ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/ledger")
    LedgerPage find(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInput("limit", "range", "must be between 1 and 1000, was " + limit);
        }
        if (after < 0) {
            throw new InvalidInput("after", "range", "must not be negative, was " + after);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInput("to", "after-from", "must be later than 'from'");
        }
        LedgerQuery query = new LedgerQuery(
                sku == null ? null : Identifiers.require("sku", sku),
                location == null ? null : Identifiers.require("location", location),
                from, to, after, limit);

        List<LedgerEntry> entries = ledger.find(query);

        Long next = entries.size() < limit ? null : entries.get(entries.size() - 1).id();
        return new LedgerPage(entries, next);
    }

    /** Entries oldest first; {@code nextAfter} is the cursor of the next page or null. */
    record LedgerPage(List<LedgerEntry> entries, Long nextAfter) {
    }
}
