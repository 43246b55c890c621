package io.bouncesweeper.robust;

import io.bouncesweeper.support.TestDatabase;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database user with a password the test chooses, so a run can be searched for it: created
 * through the admin account CI has (root with an empty password over TCP, as scripts/services.sh
 * finds it, or BOUNCE_SWEEPER_TEST_DB_ADMIN_USER/_PASSWORD), with all rights on the test database.
 */
final class DatabaseProbeUser {
    static final String NAME = "bs_secret_probe";

    private DatabaseProbeUser() {
    }

    /** @return the user's name, or null when there is no admin access */
    static String create(String password) {
        TestDatabase db = TestDatabase.get();
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        String schema = uri.getPath().substring(1);
        String admin = env("BOUNCE_SWEEPER_TEST_DB_ADMIN_USER", "root");
        String adminPassword = env("BOUNCE_SWEEPER_TEST_DB_ADMIN_PASSWORD", "");
        String adminUrl = "jdbc:mysql://" + uri.getHost() + ":" + uri.getPort() + "/";
        try (Connection c = DriverManager.getConnection(adminUrl, admin, adminPassword);
             Statement s = c.createStatement()) {
            for (String host : new String[]{"127.0.0.1", "localhost", "%"}) {
                s.execute("CREATE USER IF NOT EXISTS '" + NAME + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                s.execute("ALTER USER '" + NAME + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                s.execute("GRANT ALL ON `" + schema + "`.* TO '" + NAME + "'@'" + host + "'");
            }
            return NAME;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
