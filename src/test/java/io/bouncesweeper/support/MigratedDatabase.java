package io.bouncesweeper.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** The test database with the project's migrations applied, for tests that need no Spring context. */
public final class MigratedDatabase {
    private static HikariDataSource dataSource;

    private MigratedDatabase() {
    }

    public static synchronized HikariDataSource dataSource() {
        if (dataSource == null) {
            TestDatabase db = TestDatabase.get();
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(db.url() + (db.url().contains("?") ? "&" : "?")
                    + "rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
            ds.setUsername(db.user());
            ds.setPassword(db.password());
            ds.setMaximumPoolSize(4);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            dataSource = ds;
        }
        return dataSource;
    }

    public static JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }
}
