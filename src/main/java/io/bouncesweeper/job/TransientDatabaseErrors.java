package io.bouncesweeper.job;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Database failures that may pass when tried again on a fresh connection: the connection lost or
 * killed (an administrator's KILL, a server restart, a network cut), a deadlock, a lock wait
 * timeout, no connection to be had from the pool in time. A constraint violation or a syntax error
 * would fail the same way again and is not one of them.
 */
final class TransientDatabaseErrors {
    /** MySQL/MariaDB error codes: lock wait timeout, deadlock, server gone away, lost connection, connection killed. */
    private static final Set<Integer> CODES = Set.of(1205, 1213, 2006, 2013, 1927);

    private TransientDatabaseErrors() {
    }

    static boolean isTransient(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof TransientDataAccessException || c instanceof RecoverableDataAccessException
                    || c instanceof SQLTransientException || c instanceof SQLRecoverableException) {
                return true;
            }
            if (c instanceof SQLException e && (CODES.contains(e.getErrorCode()) || transientState(e.getSQLState()))) {
                return true;
            }
            // a rollback that fails on the dead connection hides the error that caused it (seen on a KILL)
            if (c instanceof TransactionSystemException tse && tse.getApplicationException() != null
                    && isTransient(tse.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** 08: connection exceptions; 40001: serialization failure (deadlock); 70100: query interrupted (KILL). */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("70100"));
    }
}
