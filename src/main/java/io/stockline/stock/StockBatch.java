package io.stockline.stock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.stockline.web.InvalidInput;
import io.stockline.web.Refusal;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies up to {@value #MAX_LINES} stock writes in one call, each answered on its own: a
 * refused line rolls back to its own savepoint and the others still apply. Lines run in
 * (SKU, location) order so that two batches can never deadlock on each other's rows.
 */
@Service
class StockBatch {

    static final int MAX_LINES = 1000;

    private final StockService stock;
    private final StockCommands commands;
    private final TransactionTemplate savepoint;

    StockBatch(StockService stock, StockCommands commands, PlatformTransactionManager tm) {
        this.stock = stock;
        this.commands = commands;
        this.savepoint = new TransactionTemplate(tm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional
    List<LineResult> apply(List<Line> lines, StockCommands.Origin origin) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInput("lines", "not-empty", "must hold at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInput("lines", "max-size",
                    "must hold at most " + MAX_LINES + " lines, had " + lines.size());
        }
        LineResult[] results = new LineResult[lines.size()];
        for (int index : canonicalOrder(lines)) {
            results[index] = applyLine(index, lines.get(index), origin);
        }
        return List.of(results);
    }

    private LineResult applyLine(int index, Line line, StockCommands.Origin origin) {
        if (line == null) {
            return LineResult.refused(index,
                    new InvalidInput("lines[" + index + "]", "required", "must not be null"));
        }
        try {
            LedgerEntry entry = savepoint.execute(tx -> stock.apply(change(line, origin)));
            return LineResult.applied(index, StockWritten.of(entry));
        } catch (Refusal refusal) {
            return LineResult.refused(index, refusal);
        }
    }

    private StockChange change(Line line, StockCommands.Origin origin) {
        if (line.op() == null) {
            throw new InvalidInput("op", "required", "is required: one of ADJUST, SET, MOVE");
        }
        return switch (line.op()) {
            case ADJUST -> commands.adjustment(line.sku(), line.location(), line.delta(),
                    line.reason(), line.reference(), origin);
            case SET -> commands.set(line.sku(), line.location(),
                    new StockCommands.AbsoluteQuantities(line.onHand(), line.damaged(),
                            line.qualityControl(), line.safetyStock(), line.expectedOnHand(),
                            line.reason(), line.reference()),
                    line.expectedVersion(), origin);
            case MOVE -> commands.move(line.sku(), line.location(), line.from(), line.to(),
                    line.quantity(), line.reference(), origin);
        };
    }

    private static List<Integer> canonicalOrder(List<Line> lines) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> byRow = Comparator
                .comparing((Integer i) -> lines.get(i) == null ? "" : nullSafe(lines.get(i).sku()))
                .thenComparing(i -> lines.get(i) == null ? "" : nullSafe(lines.get(i).location()))
                .thenComparing(i -> i);
        order.sort(byRow);
        return order;
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value.strip();
    }

    /** What one line asks for. */
    enum Op { ADJUST, SET, MOVE }

    /** One line of a batch; which fields matter depends on {@code op}. */
    record Line(Op op, String sku, String location, Long delta, Reason reason, String reference,
            Long onHand, Long damaged, Long qualityControl, Long safetyStock,
            Long expectedOnHand, Long expectedVersion, MoveBucket from, MoveBucket to,
            Long quantity) {
    }

    /** The answer to one line: the written row, or the problem that refused it. */
    record LineResult(int index, int status, StockWritten result, ProblemDetail problem) {

        static LineResult applied(int index, StockWritten result) {
            return new LineResult(index, 200, result, null);
        }

        static LineResult refused(int index, Refusal refusal) {
            return new LineResult(index, refusal.status().value(), null, refusal.toProblem());
        }
    }
}
