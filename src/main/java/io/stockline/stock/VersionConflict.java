package io.stockline.stock;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** A compare-and-set found the row changed since the client read it. */
public class VersionConflict extends Refusal {

    VersionConflict(StockLevel current, String expectation) {
        super(HttpStatus.CONFLICT, "version-conflict",
                "SKU '%s' at '%s' changed: %s, but it is at version %d with onHand %d"
                        .formatted(current.sku(), current.location(), expectation,
                                current.version(), current.onHand()));
        with("sku", current.sku());
        with("location", current.location());
        with("currentVersion", current.version());
        with("currentOnHand", current.onHand());
        with("current", current);
    }
}
