package io.stockline.order;

import java.util.ArrayList;
import java.util.List;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import io.stockline.web.Quantities;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for orders: read, ship, cancel, take back. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    static final String ACTOR = "X-Actor";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_LINES = 1000;
    private static final int MAX_REASON_LENGTH = 500;

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping("/{id}")
    Order order(@PathVariable String id) {
        return orders.require(Identifiers.require("orderId", id));
    }

    @PostMapping("/{id}/fulfilments")
    Order fulfil(@PathVariable String id, @RequestBody StepBody body,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        List<StepLine> lines = checked(body.lines(), true);

        return orders.fulfil(Identifiers.require("orderId", id), lines, actor, key);
    }

    @PostMapping("/{id}/cancellation")
    Order cancel(@PathVariable String id, @RequestBody(required = false) StepBody body,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        List<StepLine> lines = body == null ? List.of() : checked(body.lines(), false);

        return orders.cancel(Identifiers.require("orderId", id), lines, actor, key);
    }

    @PostMapping("/{id}/returns")
    Order takeBack(@PathVariable String id, @RequestBody ReturnBody body,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        List<ReturnLine> lines = checkedReturns(body.lines());

        return orders.takeBack(Identifiers.require("orderId", id), lines, actor, key);
    }

    /** Lines of a fulfilment or cancellation. */
    record StepBody(List<RawLine> lines) {
    }

    /** A line as the client sent it; any field may be null. */
    record RawLine(String sku, Long quantity, String location) {
    }

    /** Lines of a return. */
    record ReturnBody(List<RawReturn> lines) {
    }

    /** A returned line as the client sent it; any field may be null. */
    record RawReturn(String sku, Long quantity, String location, Boolean restock,
            String reason) {
    }

    private static List<StepLine> checked(List<RawLine> lines, boolean required) {
        sized(lines, required);
        List<StepLine> checked = new ArrayList<>();
        for (int i = 0; lines != null && i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            RawLine line = present(field, lines.get(i));
            checked.add(new StepLine(Identifiers.require(field + ".sku", line.sku()),
                    Quantities.positive(field + ".quantity", line.quantity()),
                    location(field, line.location())));
        }
        return checked;
    }

    private static List<ReturnLine> checkedReturns(List<RawReturn> lines) {
        sized(lines, true);
        List<ReturnLine> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            RawReturn line = present(field, lines.get(i));
            if (line.restock() == null) {
                throw new InvalidInput(field + ".restock", "required",
                        "is required: true puts the units back on sale, false counts them "
                                + "as damaged");
            }
            checked.add(new ReturnLine(Identifiers.require(field + ".sku", line.sku()),
                    Quantities.positive(field + ".quantity", line.quantity()),
                    location(field, line.location()), line.restock(),
                    reason(field, line.reason())));
        }
        return checked;
    }

    private static void sized(List<?> lines, boolean required) {
        if (required && (lines == null || lines.isEmpty())) {
            throw new InvalidInput("lines", "not-empty", "must hold at least one line");
        }
        if (lines != null && lines.size() > MAX_LINES) {
            throw new InvalidInput("lines", "max-size",
                    "must hold at most " + MAX_LINES + " lines, was " + lines.size());
        }
    }

    private static <T> T present(String field, T line) {
        if (line == null) {
            throw new InvalidInput(field, "required", "must not be null");
        }
        return line;
    }

    private static String location(String field, String location) {
        return location == null ? null : Identifiers.require(field + ".location", location);
    }

    private static String reason(String field, String reason) {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInput(field + ".reason", "max-length", "must be at most "
                    + MAX_REASON_LENGTH + " characters, was " + reason.length());
        }
        return reason == null ? null : reason.strip();
    }
}
