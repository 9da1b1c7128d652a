package io.stockline.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;

import io.stockline.location.Locations;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports another system's inventory export: streams the file, sets onHand per (SKU,
 * location) through the stock service in chunks of {@code stockline.transfer.chunk-size} rows
 * per transaction, and answers what it did row by row.
 */
@Service
class StockImport {

    private static final Logger log = LoggerFactory.getLogger(StockImport.class);

    private final Locations locations;
    private final ImportRuns runs;
    private final OnHandSetting setting;
    private final TransactionTemplate transactions;
    private final TransferProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    StockImport(Locations locations, ImportRuns runs, OnHandSetting setting,
            TransactionTemplate transactions, TransferProperties properties, JsonMapper json,
            Clock clock) {
        this.locations = locations;
        this.runs = runs;
        this.setting = setting;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Reads {@code in} to its end in the given format. A file that cannot be mapped at all
     * (no SKU or quantity column) is refused with a 400 before any row is applied.
     *
     * @param source the file's name, recorded in each ledger entry as {@code import <source>}
     */
    ImportSummary run(TransferFormat format, InputStream in, String source, String actor,
            ImportProgress progress) throws IOException {
        UUID id = UUID.randomUUID();
        long started = System.nanoTime();
        StockChange.Entry because = new StockChange.Entry(Reason.IMPORTED, "import " + source,
                actor, null);
        ImportRun run = new ImportRun(id, because, runs, setting, transactions, properties,
                progress);
        runs.start(id, format, source, actor, clock.instant());

        try {
            read(format, in, run);
            run.flush();
        } finally {
            runs.finish(id, run.tally().summary(id, format, source), clock.instant());
        }

        ImportSummary summary = run.tally().summary(id, format, source);
        log(summary, System.nanoTime() - started);
        return summary;
    }

    private void read(TransferFormat format, InputStream in, ImportRun run)
            throws IOException {
        KnownLocations known = new KnownLocations(locations.all(), properties);
        switch (format) {
            case SHOPIFY_CSV -> new ShopifyCsvReader(known, run).read(in);
            case COMMERCETOOLS_JSON -> new CommercetoolsJsonReader(json, known, run).read(in);
        }
    }

    private static void log(ImportSummary summary, long nanos) {
        long millis = Math.max(1, nanos / 1_000_000);
        log.info("import id={} format={} source={} rowsRead={} applied={} unchanged={} "
                + "skipped={} failed={} in {} ms ({} rows/s)", summary.importId(),
                summary.format(), summary.source(), summary.rowsRead(), summary.applied(),
                summary.unchanged(), summary.skipped(), summary.failed(), millis,
                summary.rowsRead() * 1000 / millis);
    }
}
