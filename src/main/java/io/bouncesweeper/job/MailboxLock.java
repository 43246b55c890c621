package io.bouncesweeper.job;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One run per mailbox folder at a time, across processes and pods: a MySQL named lock
 * (GET_LOCK) held on its own connection for the whole run. The server frees it when the
 * connection dies, so a killed run never leaves a lock behind (a Kubernetes CronJob can start two
 * jobs for one schedule even with concurrencyPolicy: Forbid).
 */
public final class MailboxLock implements AutoCloseable {
    private final Connection connection;
    private final String name;

    private MailboxLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** @return the held lock, or empty when another run holds it */
    public static Optional<MailboxLock> tryAcquire(DataSource dataSource, String mailbox, String folder) throws SQLException {
        Connection c = dataSource.getConnection();
        // named locks are server-wide: the database name keeps two deployments on one server apart
        String name = lockName(c.getCatalog() + "\n" + mailbox, folder);
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) == 1) {
                    return Optional.of(new MailboxLock(c, name));
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return Optional.empty();
    }

    static String lockName(String mailbox, String folder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((mailbox + "\n" + folder).getBytes(StandardCharsets.UTF_8));
            // named locks are limited to 64 characters
            return "bounce-sweeper:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** False when the lock's connection died (killed, server restarted): the server has freed the lock. */
    boolean isHeld() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.execute();
        }
    }
}
