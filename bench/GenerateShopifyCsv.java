import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a Shopify "all quantity types" inventory CSV for the import benchmark: a UTF-8 BOM,
 * CRLF line ends, quoted titles with commas, one row per SKU and demo location, On hand
 * (new) left blank as in Shopify's own export. Run with
 * {@code java bench/GenerateShopifyCsv.java FILE ROWS}.
 */
public class GenerateShopifyCsv {

    private static final String HEADER = "Handle,Title,Option1 Name,Option1 Value,"
            + "Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,"
            + "Bin name,Incoming (not editable),Unavailable (not editable),"
            + "Committed (not editable),Available (not editable),On hand (current),"
            + "On hand (new)";

    private static final List<String> LOCATIONS = List.of(
            "Berlin warehouse", "Munich store", "ACME drop-ship");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/GenerateShopifyCsv.java FILE ROWS");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Random random = new Random(7);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            for (long i = 0; i < rows; i++) {
                out.write(row(i / LOCATIONS.size(), LOCATIONS.get((int) (i % LOCATIONS.size())),
                        random.nextInt(500)));
            }
        }
        System.err.printf("wrote %,d rows, %,d bytes to %s%n", rows, Files.size(file), file);
    }

    private static String row(long product, String location, int onHand) {
        String handle = "bench-tee-" + product;
        String sku = "BENCH-%07d".formatted(product);
        return "%s,\"Bench tee, organic cotton\",Size,M,Color,Blue,,,%s,6109.10,PT,%s,A-%d,"
                .formatted(handle, sku, location, product % 40)
                + "0,0,0,%d,%d,\r\n".formatted(onHand, onHand);
    }
}
