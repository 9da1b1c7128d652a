package io.stockline.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Stockline service started from its jar for one benchmark run, on a fresh embedded
 * PostgreSQL with durable commits (the same settings a user runs with).
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final int databasePort;
    private final Path dataDir;

    private ServiceProcess(Process process, String baseUrl, int databasePort, Path dataDir) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.databasePort = databasePort;
        this.dataDir = dataDir;
    }

    static ServiceProcess start(Path jar, int httpPort, int databasePort, List<String> extra)
            throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("stockline-bench-");
        List<String> command = new ArrayList<>(List.of(
                javaBinary(), "-Xmx2g", "-jar", jar.toString(),
                "--server.port=" + httpPort,
                "--stockline.embedded-postgres.data-dir=" + dataDir.resolve("pg"),
                "--stockline.embedded-postgres.port=" + databasePort,
                "--stockline.demo.enabled=false",
                "--logging.level.root=WARN"));
        command.addAll(extra);
        Path log = dataDir.resolve("service.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceProcess service = new ServiceProcess(process,
                "http://localhost:" + httpPort, databasePort, dataDir);
        service.awaitHealthy(log);
        return service;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** JDBC URL of the service's own embedded PostgreSQL, for the baselines. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres";
    }

    int databasePort() {
        return databasePort;
    }

    private void awaitHealthy(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        for (int attempt = 0; attempt < 240; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service did not become healthy; see " + log);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator
                + "java";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path dataDir() {
        return dataDir;
    }
}
