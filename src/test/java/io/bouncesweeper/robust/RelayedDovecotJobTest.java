package io.bouncesweeper.robust;

import io.bouncesweeper.job.SweepLauncher;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job test against a {@link RelayedDovecot}: each subclass starts its own server (in its
 * {@code @DynamicPropertySource}) and stops it after all its tests; every test starts from an empty
 * mailbox and database.
 */
abstract class RelayedDovecotJobTest {
    @Autowired
    SweepLauncher launcher;
    @Autowired
    JdbcTemplate jdbc;

    TestMailbox mailbox;

    abstract RelayedDovecot server();

    @BeforeEach
    void cleanSlate() throws Exception {
        mailbox = server().mailbox();
        JobTestSupport.cleanDatabase(jdbc);
        mailbox.clear();
    }
}
