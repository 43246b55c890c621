package io.bouncesweeper.store;

import io.bouncesweeper.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V6 rewrites the reason words Sisimai dropped in 5.6. The migrated test database has run it already,
 * so rows written in the old words are put back and the script is run again over them: it must
 * rewrite every old word in every reason column and leave the current words alone.
 */
class CurrentReasonWordsMigrationTest {
    private static final String SCRIPT = "db/migration/V6__current_reason_words.sql";
    private static final String MAILBOX = "v6-migration-test";

    private final JdbcTemplate jdbc = MigratedDatabase.jdbc();

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM bounce_event WHERE mailbox = ?", MAILBOX);
        jdbc.update("DELETE FROM recipient_state WHERE recipient LIKE '%@v6-migration.example'");
    }

    @Test
    void storedEventsAndStatesTakeTheCurrentWords() throws SQLException {
        List<String> stored = List.of("speeding", "toomanyconn", "mesgtoobig", "exceedlimit", "userunknown");
        for (int i = 0; i < stored.size(); i++) {
            String word = stored.get(i);
            jdbc.update("INSERT INTO bounce_event (mailbox, folder, uid_validity, uid, record_index, kind, recipient,"
                    + " bounce_class, reason, reason_hint, action, event_time, created_at)"
                    + " VALUES (?, 'INBOX', 1, ?, 0, 'bounce', ?, 'soft', ?, ?, 'retry', NOW(6), NOW(6))",
                    MAILBOX, i + 1, "r" + i + "@v6-migration.example", word, word);
            jdbc.update("INSERT INTO recipient_state (recipient, status, last_reason, suppressed_reason, status_reason,"
                    + " updated_at) VALUES (?, 'active', ?, ?, ?, NOW(6))", "r" + i + "@v6-migration.example", word, word, word);
        }

        runScript();
        runScript(); // a second run changes nothing

        List<String> expected = List.of("ratelimited", "ratelimited", "emailtoolarge", "emailtoolarge", "userunknown");
        assertThat(jdbc.queryForList("SELECT reason FROM bounce_event WHERE mailbox = ? ORDER BY uid", String.class, MAILBOX))
                .isEqualTo(expected);
        assertThat(jdbc.queryForList("SELECT reason_hint FROM bounce_event WHERE mailbox = ? ORDER BY uid", String.class, MAILBOX))
                .isEqualTo(expected);
        for (String column : List.of("last_reason", "suppressed_reason", "status_reason")) {
            assertThat(jdbc.queryForList("SELECT " + column + " FROM recipient_state"
                    + " WHERE recipient LIKE '%@v6-migration.example' ORDER BY recipient", String.class))
                    .as(column).isEqualTo(expected);
        }
    }

    private void runScript() throws SQLException {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource(SCRIPT));
        }
    }
}
