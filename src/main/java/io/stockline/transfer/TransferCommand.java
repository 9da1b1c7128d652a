package io.stockline.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stockline.web.Refusal;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code import} and {@code export} commands of the Stockline jar:
 * {@code java -jar stockline.jar import FILE --format shopify-csv}. They start the service
 * without its web server, run once and exit; arguments of the form {@code --name=value} go
 * to Spring as usual (e.g. {@code --spring.datasource.url=...}). {@code FILE} may be
 * {@code -} for standard input or output.
 */
public final class TransferCommand {

    /** Exit status when every row was applied, unchanged or skipped on purpose. */
    public static final int OK = 0;
    /** Exit status when at least one row failed. */
    public static final int ROWS_FAILED = 1;
    /** Exit status for a wrong command line or a file that cannot be read at all. */
    public static final int USAGE = 2;
    /** Exit status when the service could not start or the import broke off. */
    public static final int ERROR = 3;

    private static final String USAGE_TEXT = """
            usage: java -jar stockline.jar import FILE --format shopify-csv|commercetools-json
                   java -jar stockline.jar export FILE --format shopify-csv|commercetools-json
                   FILE may be - for standard input or output; --name=value sets a property
            """;

    private final Arguments arguments;
    private final PrintStream out;
    private final PrintStream err;

    private TransferCommand(Arguments arguments, PrintStream out, PrintStream err) {
        this.arguments = arguments;
        this.out = out;
        this.err = err;
    }

    /** Whether the command line asks for a transfer command rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("import") || args[0].equals("export"));
    }

    /**
     * Runs the command and answers its exit status; the summary goes to {@code out},
     * progress and messages to {@code err}.
     */
    public static int run(Class<?> application, String[] args, PrintStream out,
            PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        return new TransferCommand(arguments, out, err).run(application);
    }

    private int run(Class<?> application) {
        try (ConfigurableApplicationContext context = start(application)) {
            return arguments.command().equals("import") ? importFile(context)
                    : exportFile(context);
        } catch (Refusal e) {
            err.println("refused: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("cannot read or write " + arguments.file() + ": " + e);
            return USAGE;
        } catch (RuntimeException e) {
            err.println(arguments.command() + " failed: " + e);
            return ERROR;
        }
    }

    private ConfigurableApplicationContext start(Class<?> application) {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("logging.level.root", "WARN",
                        "logging.level.io.stockline", "WARN"))
                .run(arguments.spring().toArray(String[]::new));
    }

    private int importFile(ConfigurableApplicationContext context) throws IOException {
        StockImport imports = context.getBean(StockImport.class);
        Path path = Path.of(arguments.file());
        boolean stdin = arguments.file().equals("-");
        long size = stdin ? -1 : Files.size(path);

        ImportSummary summary;
        try (InputStream raw = stdin ? System.in : Files.newInputStream(path);
                BoundedInputStream counted = BoundedInputStream.builder()
                        .setInputStream(raw).get()) {
            ProgressBar bar = new ProgressBar(err, size, counted::getCount);
            summary = imports.run(arguments.format(), counted, name(path), "cli", bar);
            bar.done(summary);
        }

        out.println(context.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary));
        return summary.failed() > 0 ? ROWS_FAILED : OK;
    }

    private int exportFile(ConfigurableApplicationContext context) throws IOException {
        StockExport exports = context.getBean(StockExport.class);
        boolean stdout = arguments.file().equals("-");

        long rows;
        try (OutputStream file = new BufferedOutputStream(stdout ? out
                : Files.newOutputStream(Path.of(arguments.file())))) {
            rows = exports.write(arguments.format(), file);
        }

        err.printf("exported %,d rows as %s to %s%n", rows, arguments.format(),
                arguments.file());
        return OK;
    }

    private String name(Path path) {
        return arguments.file().equals("-") ? "stdin" : path.getFileName().toString();
    }

    /** The peak of used heap so far, in bytes: the sum of the heap pools' peaks. */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    /** The command line, split into the command's own part and Spring's. */
    record Arguments(String command, String file, TransferFormat format, List<String> spring) {

        static Arguments parse(String[] args) {
            String file = null;
            String format = null;
            List<String> spring = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--format") && i + 1 < args.length) {
                    format = args[++i];
                } else if (args[i].startsWith("--format=")) {
                    format = args[i].substring("--format=".length());
                } else if (args[i].startsWith("--") && args[i].length() > 2) {
                    spring.add(args[i]);
                } else if (file == null) {
                    file = args[i];
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                }
            }
            if (file == null || format == null) {
                throw new IllegalArgumentException(args[0] + " needs a FILE and --format");
            }
            if (args[0].equals("import") && !file.equals("-")
                    && !Files.isReadable(Path.of(file))) {
                throw new IllegalArgumentException("cannot read " + file);
            }
            return new Arguments(args[0], file, known(format), spring);
        }

        private static TransferFormat known(String format) {
            try {
                return TransferFormat.of("--format", format);
            } catch (Refusal e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }
}
