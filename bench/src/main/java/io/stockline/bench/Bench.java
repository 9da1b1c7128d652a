package io.stockline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmark scenarios side by side with their baselines on one fresh service and
 * prints one Markdown table.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * ./mvnw -q -Pbench test-compile exec:java -Dexec.args="--scenarios all"
 * </pre>
 */
public final class Bench {

    private static final List<String> ALL = List.of("baselines", "flash-sale", "broad-sale",
            "reads", "sync-latency");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Row> rows = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(options.jar(), options.httpPort(),
                options.databasePort(), List.of())) {
            Http http = new Http(service.baseUrl());
            for (String scenario : options.scenarios()) {
                System.err.println("running " + scenario + " ...");
                rows.addAll(run(scenario, service, http, options));
            }
        }
        String table = Row.header() + "\n" + String.join("\n",
                rows.stream().map(Row::markdown).toList());
        System.out.println(table);
        Files.writeString(options.output(), "Run on " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores\n\n" + table + "\n");
    }

    private static List<Row> run(String scenario, ServiceProcess service, Http http,
            Options options) throws Exception {
        return switch (scenario) {
            case "baselines" -> List.of(
                    new PgbenchHotRow(service, 100, options.seconds()).run(),
                    new NaiveReserve(service, options.clients(), options.units()).run());
            case "flash-sale" -> List.of(new StocklineFlashSale(http, options.clients(),
                    options.units()).run().row());
            case "broad-sale" -> new BroadSale(http, options.skus(), 200,
                    options.seconds()).run();
            case "reads" -> new Reads(http, 32, options.seconds()).run();
            case "sync-latency" -> List.of(new SyncLatency(http, service.baseUrl(),
                    options.subscribers(), options.writesPerSecond(), options.seconds()).run());
            default -> throw new IllegalArgumentException("unknown scenario " + scenario
                    + "; known: " + ALL);
        };
    }

    /** Command-line options with their defaults. */
    record Options(Path jar, int httpPort, int databasePort, Set<String> scenarios,
            int clients, long units, int skus, int seconds, int subscribers,
            int writesPerSecond, Path output) {

        static Options parse(String[] args) {
            Path jar = Path.of("target/stockline-0.1.0-SNAPSHOT.jar");
            Set<String> scenarios = new LinkedHashSet<>(ALL);
            int clients = 500;
            long units = 10_000;
            int skus = 100_000;
            int seconds = 15;
            int subscribers = 1000;
            int writesPerSecond = 500;
            Path output = Path.of("target/bench-results.md");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(args[++i]);
                    case "--scenarios" -> scenarios = scenarios(args[++i]);
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--units" -> units = Long.parseLong(args[++i]);
                    case "--skus" -> skus = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--subscribers" -> subscribers = Integer.parseInt(args[++i]);
                    case "--writes-per-second" -> writesPerSecond = Integer.parseInt(args[++i]);
                    case "--output" -> output = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!Files.exists(jar)) {
                throw new IllegalArgumentException(jar + " not found: run "
                        + "./mvnw -q -DskipTests package first");
            }
            return new Options(jar, 18080, 15432, scenarios, clients, units, skus, seconds,
                    subscribers, writesPerSecond, output);
        }

        private static Set<String> scenarios(String list) {
            return list.equals("all") ? new LinkedHashSet<>(ALL)
                    : new LinkedHashSet<>(Arrays.asList(list.split(",")));
        }
    }
}
