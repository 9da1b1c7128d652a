package io.stockline.transfer;

/**
 * One row of an import file that passed every check of its own: set onHand of (sku,
 * location) to {@code onHand}.
 *
 * @param line           where the row stands: CSV record line, NDJSON line or array index
 * @param expectedOnHand what the file's author saw (Shopify's {@code On hand (current)});
 *                       the row is stale when Stockline holds something else; may be null
 */
record ImportRow(long line, String sku, String location, long onHand, Long expectedOnHand) {
}
