package io.stockline.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.stockline.location.Location;
import io.stockline.location.Locations;
import io.stockline.stock.StockLevel;
import io.stockline.stock.StockQuery;
import io.stockline.stock.StockService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every balance in one of the exchange formats, page by page, so an export of any
 * size streams in constant memory. What it writes, {@link StockImport} reads back to the
 * same onHand per (SKU, location).
 */
@Service
class StockExport {

    static final List<String> SHOPIFY_HEADER = List.of("Handle", "Title", "Option1 Name",
            "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
            "SKU", "HS Code", "COO", "Location", "Bin name", "Incoming (not editable)",
            "Unavailable (not editable)", "Committed (not editable)",
            "Available (not editable)", ShopifyCsvReader.CURRENT, ShopifyCsvReader.NEW);

    private static final int PAGE = 1000;

    private final StockService stock;
    private final Locations locations;
    private final JsonMapper json;

    StockExport(StockService stock, Locations locations, JsonMapper json) {
        this.stock = stock;
        this.locations = locations;
        this.json = json;
    }

    /**
     * Writes all balances to {@code out}; does not close it.
     *
     * @return the number of (SKU, location) rows written
     */
    long write(TransferFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case SHOPIFY_CSV -> writeShopify(out);
            case COMMERCETOOLS_JSON -> writeCommercetools(out);
        };
    }

    /**
     * Shopify's 19 columns; {@code On hand (new)} is left blank as in Shopify's own export,
     * so an import reads {@code On hand (current)} back.
     */
    private long writeShopify(OutputStream out) throws IOException {
        Map<String, String> names = locations.all().stream()
                .collect(Collectors.toMap(Location::key, Location::name));
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out,
                StandardCharsets.UTF_8));
        CSVPrinter csv = CSVFormat.DEFAULT.builder()
                .setHeader(SHOPIFY_HEADER.toArray(String[]::new))
                .get()
                .print(text);

        long rows = each(level -> print(csv, shopifyRow(level, names.get(level.location()))));

        csv.flush();
        return rows;
    }

    private static List<Object> shopifyRow(StockLevel level, String location) {
        long unavailable = level.reserved() + level.damaged() + level.qualityControl()
                + level.safetyStock();
        return List.of(level.sku(), "", "", "", "", "", "", "", level.sku(), "", "", location,
                "", 0, unavailable, level.committed(), level.available(), level.onHand(), "");
    }

    private long writeCommercetools(OutputStream out) {
        try (JsonGenerator generator = json.createGenerator(CloseShieldOutputStream.wrap(out))) {
            generator.writeStartArray();
            long rows = each(level -> entry(generator, level));
            generator.writeEndArray();
            return rows;
        }
    }

    private static void entry(JsonGenerator generator, StockLevel level) {
        generator.writeStartObject();
        generator.writeStringProperty("sku", level.sku());
        generator.writeNumberProperty("quantityOnStock", level.onHand());
        generator.writeObjectPropertyStart("supplyChannel");
        generator.writeStringProperty("typeId", "channel");
        generator.writeStringProperty("key", level.location());
        generator.writeEndObject();
        generator.writeEndObject();
    }

    private long each(Consumer<StockLevel> write) {
        long rows = 0;
        List<StockLevel> page = stock.page(new StockQuery(null, null, null, null, PAGE));
        while (!page.isEmpty()) {
            page.forEach(write);
            rows += page.size();
            StockLevel last = page.get(page.size() - 1);
            page = page.size() < PAGE ? List.of() : stock.page(
                    new StockQuery(null, null, last.sku(), last.location(), PAGE));
        }
        return rows;
    }

    private static void print(CSVPrinter csv, List<Object> row) {
        try {
            csv.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
