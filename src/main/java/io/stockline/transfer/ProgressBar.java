package io.stockline.transfer;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal stream, redrawn in place with a carriage return at
 * most a few times a second: share of the file read, rows, rows per second.
 */
final class ProgressBar implements ImportProgress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final long started = System.nanoTime();
    private long drawn;

    /** @param totalBytes size of the input, or -1 when unknown (standard input) */
    ProgressBar(PrintStream err, long totalBytes, LongSupplier bytesRead) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
    }

    @Override
    public void advanced(long rowsRead) {
        long now = System.nanoTime();
        if (now - drawn >= REDRAW_NANOS) {
            drawn = now;
            draw(rowsRead, now);
        }
    }

    /** Draws the final state and the summary line. */
    void done(ImportSummary summary) {
        long now = System.nanoTime();
        draw(summary.rowsRead(), now);
        err.println();
        err.printf("read %,d rows: %,d applied, %,d unchanged, %,d skipped, %,d failed;"
                + " %,d rows/s, heap peak %,d MB%n", summary.rowsRead(), summary.applied(),
                summary.unchanged(), summary.skipped(), summary.failed(),
                rate(summary.rowsRead(), now), TransferCommand.peakHeap() >> 20);
    }

    private void draw(long rows, long now) {
        long bytes = bytesRead.getAsLong();
        int percent = totalBytes > 0 ? (int) Math.min(100, bytes * 100 / totalBytes) : 0;
        int filled = percent * WIDTH / 100;
        err.printf("\rimporting %3d%% [%s%s] %,d rows, %,d rows/s ", percent,
                "=".repeat(filled), " ".repeat(WIDTH - filled), rows, rate(rows, now));
        err.flush();
    }

    private long rate(long rows, long now) {
        return rows * 1_000_000_000L / Math.max(1, now - started);
    }
}
