package io.stockline.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when {@code spring.datasource.url} is not set, so that the
 * first run needs nothing but a JDK. With a URL configured, Spring Boot's own data source is
 * used instead and this class does nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        String durability = properties.durable() ? "on" : "off";

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                .start();

        log.info("embedded PostgreSQL dataDir={} port={} durable={}",
                dataDir, postgres.getPort(), properties.durable());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(properties.poolSize());
        config.setPoolName("stockline");
        return new HikariDataSource(config);
    }
}
