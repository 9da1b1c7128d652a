package io.stockline.stock;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for many stock writes in one call. */
@RestController
class StockBatchController {

    private final StockBatch batch;

    StockBatchController(StockBatch batch) {
        this.batch = batch;
    }

    @PostMapping("/api/v1/stock/batch")
    BatchAnswer apply(@RequestBody BatchBody body,
            @RequestHeader(name = StockController.ACTOR, required = false) String actor,
            @RequestHeader(name = StockController.IDEMPOTENCY_KEY, required = false)
            String key) {
        List<StockBatch.LineResult> results = batch.apply(body.lines(),
                new StockCommands.Origin(actor, key));

        long applied = results.stream().filter(result -> result.status() == 200).count();
        return new BatchAnswer(applied, results.size() - applied, results);
    }

    /** Body of a batch call. */
    record BatchBody(List<StockBatch.Line> lines) {
    }

    /** Counts and the per-line answers, in the order of the request. */
    record BatchAnswer(long applied, long refused, List<StockBatch.LineResult> lines) {
    }
}
