package io.bouncesweeper.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.job.SweepLauncher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring job tests that sweep an in-process GreenMail: a fresh server per test on one free
 * loopback port (shared by the subclasses, which run one after another, so that equal test
 * configurations share one cached Spring context), the test database, and empty tables before each test.
 * Subclasses add their {@code @SpringBootTest} properties.
 */
public abstract class GreenMailJobTest {
    protected static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    protected static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);

    @RegisterExtension
    protected static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @Autowired
    protected SweepLauncher launcher;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void greenMailJobProperties(DynamicPropertyRegistry registry) {
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, MAILBOX);
    }

    @BeforeEach
    void emptyTables() {
        JobTestSupport.cleanDatabase(jdbc);
    }
}
