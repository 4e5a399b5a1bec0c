package org.chainline.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * The PostgreSQL system of record: the embedded server under the data directory, or an external one by
 * JDBC URL. Its schema is brought up to date by Flyway before anyone else sees the data source.
 */
@Factory
final class PostgresFactory {

    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedPostgresServer embeddedPostgres(DataDirectory dataDirectory) {
        return new EmbeddedPostgresServer(dataDirectory.resolve("postgres"), dataDirectory.resolve("keys").resolve("postgres-password"));
    }

    @Singleton
    @Bean(preDestroy = "close")
    ConnectionPool connectionPool(StoreSettings settings, BeanProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        String address;
        if (settings.embeddedPostgres()) {
            EmbeddedPostgresServer server = embedded.get();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.username());
            address = "embedded " + withoutParameters(server.jdbcUrl());
        } else {
            config.setJdbcUrl(settings.postgres().url());
            config.setUsername(settings.postgres().username());
            config.setPassword(settings.postgres().password());
            address = withoutParameters(settings.postgres().url());
        }
        config.setPoolName("chainline");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("ApplicationName", "chainline");
        // journal entries and records are written in JDBC batches; this sends each batch as multi-row INSERTs
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("PostgreSQL at " + address + " is unreachable: "
                    + StoreUnavailableException.rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new StoreUnavailableException("PostgreSQL at " + address + ": schema migration failed: "
                    + StoreUnavailableException.rootMessage(e), e);
        }
        return new ConnectionPool(dataSource);
    }

    /** Created at start-up, so that an unreachable PostgreSQL stops Chainline before it serves anything. */
    @Context
    @Named("default")
    DataSource dataSource(ConnectionPool pool) {
        return pool.dataSource();
    }

    private static String withoutParameters(String jdbcUrl) {
        return jdbcUrl == null ? "(no URL)" : jdbcUrl.replaceFirst("\\?.*", "");
    }

    /** The pool behind the data source, closed when Chainline stops. */
    record ConnectionPool(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }
}
