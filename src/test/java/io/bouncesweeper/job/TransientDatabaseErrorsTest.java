package io.bouncesweeper.job;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientDatabaseErrorsTest {

    @Test
    void lostConnectionsDeadlocksAndLockTimeoutsMayPass() {
        assertThat(TransientDatabaseErrors.isTransient(new RuntimeException("Unable to process chunk",
                new SQLRecoverableException("Communications link failure")))).isTrue();
        assertThat(TransientDatabaseErrors.isTransient(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(TransientDatabaseErrors.isTransient(new SQLException("gone away", "HY000", 2006))).isTrue();
        assertThat(TransientDatabaseErrors.isTransient(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
        assertThat(TransientDatabaseErrors.isTransient(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(TransientDatabaseErrors.isTransient(new SQLException("link failure", "08S01"))).isTrue();
        assertThat(TransientDatabaseErrors.isTransient(new CannotAcquireLockException("lock"))).isTrue();
    }

    @Test
    void aFailedRollbackIsJudgedByTheErrorThatCausedIt() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(TransientDatabaseErrors.isTransient(rollback)).isFalse();
        rollback.initApplicationException(new RecoverableDataAccessException("update failed",
                new SQLRecoverableException("Communications link failure")));
        assertThat(TransientDatabaseErrors.isTransient(rollback)).isTrue();
    }

    @Test
    void errorsThatWouldRecurAreNotRetried() {
        assertThat(TransientDatabaseErrors.isTransient(new DataIntegrityViolationException("dup",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(TransientDatabaseErrors.isTransient(new SQLException("syntax", "42000", 1064))).isFalse();
        assertThat(TransientDatabaseErrors.isTransient(new IllegalStateException("injected: database lost"))).isFalse();
        assertThat(TransientDatabaseErrors.isTransient(new jakarta.mail.MessagingException("cannot log in"))).isFalse();
    }
}
