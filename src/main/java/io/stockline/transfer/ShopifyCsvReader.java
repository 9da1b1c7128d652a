package io.stockline.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stockline.web.InvalidInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads Shopify's inventory CSV export. Columns are found by header name, so the 19-column
 * "all quantity types" export and older ones with only {@code Available} or {@code On hand}
 * read alike. The quantity of a row is the first non-blank cell among
 * {@link #QUANTITY_COLUMNS}, so a full export whose {@code On hand (new)} was left blank loads
 * {@code On hand (current)}; {@code On hand (current)} guards a value from
 * {@code On hand (new)} as a compare-and-set. The derived, non-editable columns are not read.
 */
final class ShopifyCsvReader {

    static final String NEW = "On hand (new)";
    static final String CURRENT = "On hand (current)";
    static final List<String> QUANTITY_COLUMNS = List.of(
            NEW, "On hand", CURRENT, "Available");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();

    private final KnownLocations locations;
    private final ImportedRows rows;
    private Columns columns;

    ShopifyCsvReader(KnownLocations locations, ImportedRows rows) {
        this.locations = locations;
        this.rows = rows;
    }

    /** Reads the whole stream, row by row; refuses a file it cannot map with a 400. */
    void read(InputStream in) throws IOException {
        Reader text = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
                StandardCharsets.UTF_8);
        try (CSVParser parser = open(text)) {
            columns = Columns.of(parser.getHeaderMap());
            readRecords(parser);
        }
    }

    private static CSVParser open(Reader text) throws IOException {
        try {
            return CSVParser.builder().setReader(text).setFormat(FORMAT).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new InvalidInput("file", "csv-header", "the CSV header cannot be read: "
                    + e.getMessage());
        }
    }

    private void readRecords(CSVParser parser) {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            for (CSVRecord record : parser) {
                read(record, line);
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            rows.reject(line, null, "malformed CSV, the rest of the file was not read: "
                    + e.getCause().getMessage());
        }
    }

    private void read(CSVRecord record, long line) {
        String rawSku = columns.cell(record, "SKU");
        try {
            String sku = KnownLocations.identifier("SKU", rawSku);
            String location = location(record);
            String column = columns.quantityColumn(record);
            String text = columns.cell(record, column);
            if (Quantity.notStocked(text)) {
                rows.notStocked(line, sku);
                return;
            }

            long onHand = Quantity.onHand(column, Quantity.whole(column, text));

            rows.accept(new ImportRow(line, sku, location, onHand, expected(record, column)));
        } catch (RowRefused e) {
            rows.reject(line, rawSku, e.getMessage());
        }
    }

    private String location(CSVRecord record) {
        if (!columns.has("Location")) {
            return locations.fallback("the file has no Location column");
        }
        return locations.byName("Location", columns.cell(record, "Location"));
    }

    /** {@code On hand (current)} guards a value taken from {@code On hand (new)} only. */
    private Long expected(CSVRecord record, String column) {
        String current = columns.cell(record, CURRENT);
        if (!column.equals(NEW) || current.isBlank()) {
            return null;
        }
        return Quantity.notStocked(current) ? 0L : Quantity.whole(CURRENT, current);
    }

    /** Header names, matched without regard to case or surrounding spaces. */
    private record Columns(Map<String, Integer> index, List<String> quantities) {

        static Columns of(Map<String, Integer> header) {
            Map<String, Integer> index = new HashMap<>();
            List<String> names = header == null ? List.of() : List.copyOf(header.keySet());
            names.forEach(name -> index.putIfAbsent(normal(name), header.get(name)));
            if (!index.containsKey(normal("SKU"))) {
                throw new InvalidInput("file", "sku-column",
                        "the CSV header has no SKU column; found " + names);
            }
            List<String> quantities = QUANTITY_COLUMNS.stream()
                    .filter(column -> index.containsKey(normal(column)))
                    .toList();
            if (quantities.isEmpty()) {
                throw new InvalidInput("file", "quantity-column",
                        "the CSV header has no quantity column (one of " + QUANTITY_COLUMNS
                                + "); found " + names);
            }
            return new Columns(index, quantities);
        }

        boolean has(String column) {
            return index.containsKey(normal(column));
        }

        /** The cell's text, or "" when the column or the cell is missing. */
        String cell(CSVRecord record, String column) {
            Integer i = index.get(normal(column));
            return i == null || i >= record.size() ? "" : record.get(i);
        }

        String quantityColumn(CSVRecord record) {
            return quantities.stream()
                    .filter(column -> !cell(record, column).isBlank())
                    .findFirst()
                    .orElseThrow(() -> new RowRefused("no quantity in " + quantities));
        }

        private static String normal(String name) {
            return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        }
    }
}
