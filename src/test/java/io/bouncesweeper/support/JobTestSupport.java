package io.bouncesweeper.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Wiring shared by the job tests: the real database, and a clean slate before each test. */
public final class JobTestSupport {
    private JobTestSupport() {
    }

    public static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.get();
        registry.add("bounce-sweeper.db.url", db::url);
        registry.add("bounce-sweeper.db.user", db::user);
        registry.add("bounce-sweeper.db.password", db::password);
    }

    public static void mailbox(DynamicPropertyRegistry registry, TestMailbox mailbox) {
        registry.add("bounce-sweeper.imap.host", mailbox::host);
        registry.add("bounce-sweeper.imap.port", mailbox::port);
        registry.add("bounce-sweeper.imap.security", () -> mailbox.security().name());
        registry.add("bounce-sweeper.imap.allow-plaintext", () -> "true");
        registry.add("bounce-sweeper.imap.user", mailbox::user);
        registry.add("bounce-sweeper.imap.password", mailbox::password);
        if (mailbox.trustStore() != null) {
            registry.add("bounce-sweeper.imap.trust-store", mailbox::trustStore);
        }
    }

    /**
     * The command line of a job process against this plain-IMAP test mailbox (GreenMail) and the test
     * database, with {@code extra} options after them (a later option wins).
     */
    public static String[] processArgs(TestMailbox mailbox, String imapPassword, String... extra) {
        TestDatabase db = TestDatabase.get();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--bounce-sweeper.imap.host=" + mailbox.host(), "--bounce-sweeper.imap.port=" + mailbox.port(),
                "--bounce-sweeper.imap.security=NONE", "--bounce-sweeper.imap.allow-plaintext=true",
                "--bounce-sweeper.imap.user=" + mailbox.user(), "--bounce-sweeper.imap.password=" + imapPassword,
                "--bounce-sweeper.db.url=" + db.url(), "--bounce-sweeper.db.user=" + db.user(),
                "--bounce-sweeper.db.password=" + db.password()));
        args.addAll(java.util.List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Deletes all job history and bounce data (schema stays: Flyway ran at context start). */
    public static void cleanDatabase(JdbcTemplate jdbc) {
        for (String table : new String[]{"bounce_event", "bounce_message", "recipient_state", "recipient_override",
                "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
                "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    public static int count(JdbcTemplate jdbc, String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
