package io.stockline.stock;

import java.util.List;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for balances: read, set, adjust, move. */
@RestController
@RequestMapping("/api/v1/stock")
class StockController {

    static final String ACTOR = "X-Actor";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final StockService stock;
    private final StockCommands commands;

    StockController(StockService stock, StockCommands commands) {
        this.stock = stock;
        this.commands = commands;
    }

    @GetMapping("/{sku}")
    SkuStock ofSku(@PathVariable String sku) {
        return stock.stockOf(Identifiers.require("sku", sku));
    }

    @GetMapping("/{sku}/locations/{location}")
    ResponseEntity<StockLevel> level(@PathVariable String sku, @PathVariable String location) {
        String checkedSku = Identifiers.require("sku", sku);
        String checkedLocation = Identifiers.require("location", location);

        StockLevel level = stock.level(checkedSku, checkedLocation)
                .orElseThrow(() -> new NotFound("stock-level", checkedSku + "@" + checkedLocation));

        return ResponseEntity.ok().eTag(String.valueOf(level.version())).body(level);
    }

    @GetMapping
    StockPage list(@RequestParam(required = false) String location,
            @RequestParam(required = false) Long lowStock,
            @RequestParam(required = false) String afterSku,
            @RequestParam(required = false) String afterLocation,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInput("limit", "range", "must be between 1 and 1000, was " + limit);
        }
        if ((afterSku == null) != (afterLocation == null)) {
            throw new InvalidInput("afterLocation", "cursor-pair",
                    "afterSku and afterLocation must be given together");
        }
        StockQuery query = new StockQuery(
                location == null ? null : Identifiers.require("location", location),
                lowStock, afterSku, afterLocation, limit + 1);

        List<StockLevel> rows = stock.page(query);

        return StockPage.of(rows, limit);
    }

    @PutMapping("/{sku}/locations/{location}")
    ResponseEntity<StockWritten> set(@PathVariable String sku, @PathVariable String location,
            @RequestBody StockCommands.AbsoluteQuantities body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        StockChange change = commands.set(sku, location, body, IfMatch.version(ifMatch),
                new StockCommands.Origin(actor, key));

        LedgerEntry entry = stock.apply(change);

        return ResponseEntity.ok().eTag(String.valueOf(entry.version()))
                .body(StockWritten.of(entry));
    }

    @PostMapping("/{sku}/locations/{location}/adjustments")
    ResponseEntity<StockWritten> adjust(@PathVariable String sku, @PathVariable String location,
            @RequestBody AdjustmentBody body,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        StockChange change = commands.adjustment(sku, location, body.delta(), body.reason(),
                body.reference(), new StockCommands.Origin(actor, key));

        LedgerEntry entry = stock.apply(change);

        return ResponseEntity.ok().eTag(String.valueOf(entry.version()))
                .body(StockWritten.of(entry));
    }

    @PostMapping("/{sku}/locations/{location}/moves")
    ResponseEntity<StockWritten> move(@PathVariable String sku, @PathVariable String location,
            @RequestBody MoveBody body,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        StockChange change = commands.move(sku, location, body.from(), body.to(),
                body.quantity(), body.reference(), new StockCommands.Origin(actor, key));

        LedgerEntry entry = stock.apply(change);

        return ResponseEntity.ok().eTag(String.valueOf(entry.version()))
                .body(StockWritten.of(entry));
    }

    /** Body of an adjustment: a signed delta of onHand. */
    record AdjustmentBody(Long delta, Reason reason, String reference) {
    }

    /** Body of a move between buckets. */
    record MoveBody(MoveBucket from, MoveBucket to, Long quantity, String reference) {
    }

    /** One page of rows and the cursor of the next, null on the last page. */
    record StockPage(List<StockLevel> items, Cursor next) {

        record Cursor(String afterSku, String afterLocation) {
        }

        static StockPage of(List<StockLevel> rows, int limit) {
            if (rows.size() <= limit) {
                return new StockPage(rows, null);
            }
            List<StockLevel> page = rows.subList(0, limit);
            StockLevel last = page.get(limit - 1);
            return new StockPage(page, new Cursor(last.sku(), last.location()));
        }
    }
}
