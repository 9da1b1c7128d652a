package io.stockline.transfer;

import java.util.List;
import java.util.UUID;

/**
 * What one import did: every row read is counted once as applied, unchanged, skipped or
 * failed.
 *
 * @param applied      rows whose onHand was set (one ledger entry each)
 * @param unchanged    rows whose onHand already had the value; nothing written
 * @param skipped      rows not applied on purpose: {@code not stocked}, stale
 *                     ({@code On hand (current)} differs from Stockline) or a duplicate
 *                     (SKU, location) pair; the last two are listed as problems
 * @param failed       rows that could not be applied; listed as problems
 * @param problemCount all problems; {@code problems} lists the first ones only
 * @param problems     sorted by line, at most {@code stockline.transfer.max-problems}
 */
public record ImportSummary(UUID importId, String format, String source, long rowsRead,
        long applied, long unchanged, long skipped, long failed, long problemCount,
        List<Problem> problems) {

    /**
     * One row that was skipped or failed.
     *
     * @param line CSV record line or NDJSON line (both from 1), or JSON array index (from 0)
     * @param sku  the row's SKU as written; null when it had none
     */
    public record Problem(long line, String sku, String reason) {
    }
}
