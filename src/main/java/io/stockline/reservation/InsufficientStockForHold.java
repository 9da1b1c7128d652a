package io.stockline.reservation;

import java.util.List;
import java.util.stream.Collectors;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** A hold found one or more lines short; nothing was held. */
public class InsufficientStockForHold extends Refusal {

    private final List<ShortLine> lines;

    InsufficientStockForHold(List<ShortLine> lines) {
        super(HttpStatus.CONFLICT, "insufficient-stock", lines.size()
                + (lines.size() == 1 ? " line is" : " lines are") + " short, nothing held: "
                + lines.stream().map(ShortLine::toString).collect(Collectors.joining("; ")));
        this.lines = List.copyOf(lines);
        with("lines", this.lines);
    }

    public List<ShortLine> lines() {
        return lines;
    }
}
