package io.stockline.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data when no external database is configured.
 *
 * @param dataDir directory of the embedded cluster; kept across restarts
 * @param port    TCP port on loopback; 0 picks a free one
 * @param durable whether commits are flushed to disk before they are answered; only
 *                throw-away test databases should turn this off
 * @param poolSize connections in the pool
 */
@ConfigurationProperties("stockline.embedded-postgres")
public record DatabaseProperties(
        @DefaultValue("data/postgres") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("true") boolean durable,
        @DefaultValue("32") int poolSize) {

    public DatabaseProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "stockline.embedded-postgres.port must be 0..65535, was " + port);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException(
                    "stockline.embedded-postgres.pool-size must be at least 1, was " + poolSize);
        }
    }
}
