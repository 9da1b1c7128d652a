package io.stockline.reservation;

import java.time.Clock;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.Quantities;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for a SKU's backorder policy. */
@RestController
@RequestMapping("/api/v1/skus/{sku}/backorder-policy")
class BackorderController {

    private final Backorders backorders;
    private final Clock clock;

    BackorderController(Backorders backorders, Clock clock) {
        this.backorders = backorders;
        this.clock = clock;
    }

    @GetMapping
    BackorderPolicy policy(@PathVariable String sku) {
        return backorders.of(Identifiers.require("sku", sku));
    }

    @PutMapping
    BackorderPolicy save(@PathVariable String sku, @RequestBody PolicyBody body) {
        String checked = Identifiers.require("sku", sku);
        if (body.mode() == null) {
            throw new InvalidInput("mode", "required", "is required: DENY, ALLOW or PREORDER");
        }
        Long limit = Quantities.absolute("limit", body.limit(),
                body.mode() != BackorderMode.DENY);

        return backorders.save(checked, body.mode(), limit == null ? 0 : limit,
                clock.instant());
    }

    /** A policy as the client sent it: the mode and, unless DENY, the limit in units. */
    record PolicyBody(BackorderMode mode, Long limit) {
    }
}
