package io.bouncesweeper.store;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.TableSource;
import io.bouncesweeper.classify.VersionedClassifier;
import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.domain.OriginalMessage;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The list policy on MariaDB, through the real classifier: each rule, window expiry, the
 * allow-list, sender-side blocks, complaints, correlation, the operator's SQL, replay and
 * reclassification.
 */
class ListStateTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final OriginalMessage ORIGINAL = new OriginalMessage("<sent-1@news.example.com>", Map.of(
            "X-Campaign-Id", "weekly-48", "X-Subscriber-Id", "sub-7", "List-Id", "<news.example.com>",
            "From", "Newsletter <news@news.example.com>", "X-Tenant", "acme"));

    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private BounceClassifier classifier;
    private BounceStore store;
    private long uid;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        jdbc.execute("DROP TABLE IF EXISTS subscribers");
        tx = new TransactionTemplate(new DataSourceTransactionManager(MigratedDatabase.dataSource()));
        classifier = VersionedClassifier.builtIn();
        store = store(ListPolicy.defaults(), StateHooks.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"550 5.1.1 <a@x.net>: Recipient address rejected: User unknown in virtual mailbox table",
            "550 5.1.2 Host or domain name not found", "551 5.1.6 User has moved; please try <b@new.example>",
            "550 5.2.1 The email account that you tried to reach is disabled"})
    void recipientSideFailuresSuppressAtOnce(String diagnostic) {
        write(bounce("gone@example.net", diagnostic, T0));

        assertThat(status("gone@example.net")).isEqualTo("suppressed");
        assertThat(jdbc.queryForObject("""
                SELECT s.decided_by_event = e.id FROM recipient_state s JOIN bounce_event e ON e.recipient = s.recipient""",
                Boolean.class)).as("the deciding event is recorded").isTrue();
    }

    @Test
    void aTemporaryUserUnknownOnlyCountsAsSoft() {
        write(bounce("maybe@example.net", "450 4.1.1 <maybe@example.net>: Recipient address rejected: User unknown", T0));

        assertThat(state("maybe@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 1);
    }

    @Test
    void theThresholdIsConfigurable() {
        store = store(new ListPolicy(1, Duration.ofDays(30), ReasonGroups.builtIn(), Set.of()), StateHooks.NONE);
        write(bounce("one@example.net", "452 4.2.2 Mailbox full", T0));
        assertThat(status("one@example.net")).isEqualTo("suppressed");

        store = store(new ListPolicy(5, Duration.ofDays(30), ReasonGroups.builtIn(), Set.of()), StateHooks.NONE);
        for (int i = 0; i < 4; i++) {
            write(bounce("five@example.net", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(i))));
        }
        assertThat(state("five@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 4);
        write(bounce("five@example.net", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(4))));
        assertThat(state("five@example.net")).containsEntry("status", "suppressed")
                .containsEntry("suppressed_reason", "mailboxfull");
    }

    @Test
    void softCountsOlderThanTheWindowExpire() {
        write(bounce("slow@example.net", "452 4.2.2 Mailbox full", T0));
        write(bounce("slow@example.net", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(31))));
        write(bounce("slow@example.net", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(62))));
        assertThat(state("slow@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 1);

        // any window ending at a bounce: days 62, 70 and 91 are within 30 days of day 91
        write(bounce("slow@example.net", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(70))));
        write(bounce("slow@example.net", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(91))));
        assertThat(state("slow@example.net")).containsEntry("status", "suppressed").containsEntry("soft_count", 3);
    }

    @Test
    void theOrderInWhichBouncesArriveDoesNotMatter() {
        List<ProcessedMessage> messages = new ArrayList<>();
        for (int day : new int[]{0, 10, 45, 50, 52}) {
            messages.add(bounce("late@example.net", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(day))));
        }
        List<ProcessedMessage> reversed = new ArrayList<>(messages);
        Collections.reverse(reversed);
        reversed.forEach(this::write);
        Map<String, Object> backwards = state("late@example.net");

        JobTestSupport.cleanDatabase(jdbc);
        messages.forEach(this::write);

        assertThat(state("late@example.net")).isEqualTo(backwards).containsEntry("status", "suppressed");
    }

    @Test
    void senderSideBlocksNeverSuppressTheRecipientAndAreSummedPerSender() {
        for (int i = 0; i < 10; i++) {
            write(bounce("erin@contoso.example", "550 5.7.606 Access denied, banned sending IP [192.0.2.33]. To request "
                    + "removal from this list please visit https://sender.office.com/", T0.plus(Duration.ofHours(i)),
                    "dns;contoso-example.mail.protection.outlook.com"));
            write(bounce("dave@gmail.com", "550-5.7.1 [192.0.2.10] Our system has detected that this message is likely "
                    + "unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.",
                    T0.plus(Duration.ofHours(i)), "dns; gmail-smtp-in.l.google.com"));
        }

        assertThat(state("erin@contoso.example")).containsEntry("status", "active").containsEntry("sender_issue_count", 10)
                .containsEntry("soft_count", 0).containsEntry("hard_count", 0);
        assertThat(status("dave@gmail.com")).isEqualTo("active");
        List<String> issues = jdbc.query("""
                SELECT sender_domain, sender_ip, reason, receiving_provider, events, recipients, recommended_action
                  FROM sender_issue ORDER BY sender_ip""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getInt(5) + " " + rs.getInt(6) + " " + rs.getString(7));
        assertThat(issues).hasSize(2).allMatch(s -> s.startsWith("news.example.com 192.0.2."))
                .anyMatch(s -> s.contains("192.0.2.33") && s.contains("outlook.com 10 1"))
                .anyMatch(s -> s.contains("192.0.2.10") && s.contains("google.com 10 1"));
    }

    @Test
    void aComplaintMakesAnAddressComplainedEvenWhenSuppressed() {
        write(bounce("angry@example.net", "550 5.1.1 User unknown", T0));
        write(message(T0.plusSeconds(60), complaint("angry@example.net")));
        write(message(T0, complaint("fresh@example.net")));

        assertThat(state("angry@example.net")).containsEntry("status", "complained").containsEntry("complaint_count", 1)
                .containsEntry("hard_count", 1);
        assertThat(state("fresh@example.net")).containsEntry("status", "complained")
                .containsEntry("status_explanation", "complaint (abuse)");
    }

    @Test
    void autoRepliesAndDeliveryNoticesChangeNoState() {
        write(message(T0, DeliveryRecord.builder(RecordKind.AUTOREPLY).recipient("away@example.net").build()),
                message(T0, DeliveryRecord.builder(RecordKind.DELIVERED).recipient("ok@example.net").status("2.0.0").build()));

        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM recipient_state")).isZero();
    }

    @Test
    void allowListedAddressesAndDomainsAreNeverSuppressed() {
        store = store(new ListPolicy(3, Duration.ofDays(30), ReasonGroups.builtIn(), Set.of("CEO@Example.org", "@vip.example")),
                StateHooks.NONE);
        write(bounce("ceo@example.org", "550 5.1.1 User unknown", T0));
        write(bounce("anyone@vip.example", "550 5.1.1 User unknown", T0));
        write(message(T0, complaint("anyone@vip.example")));
        for (int i = 0; i < 5; i++) {
            write(bounce("boss@vip.example", "452 4.2.2 Mailbox full", T0.plus(Duration.ofDays(i))));
        }
        write(bounce("other@example.org", "550 5.1.1 User unknown", T0));

        assertThat(state("ceo@example.org")).containsEntry("status", "active").containsEntry("allow_listed", true)
                .containsEntry("hard_count", 1);
        assertThat(status("anyone@vip.example")).isEqualTo("active");
        assertThat(state("boss@vip.example")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 5);
        assertThat(status("other@example.org")).isEqualTo("suppressed");
    }

    @Test
    void replayingMessagesChangesNothingNotEvenUpdatedAt() {
        List<ProcessedMessage> all = List.of(bounce("a@example.net", "550 5.1.1 User unknown", T0),
                bounce("b@example.net", "452 4.2.2 Mailbox full", T0), bounce("b@example.net", "452 4.2.2 Mailbox full", T0.plusSeconds(5)));
        all.forEach(this::write);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM recipient_state ORDER BY recipient");

        // the writer skips messages seen before; even if state were applied again, it stays the same
        tx.executeWithoutResult(s -> store.applyRecipientState(all));

        assertThat(jdbc.queryForList("SELECT * FROM recipient_state ORDER BY recipient")).isEqualTo(before);
        assertThat(store.findProcessed(all).contains(all.get(0).key(), all.get(0).fingerprint())).isTrue();
    }

    @Test
    void twoTransactionsStoringBouncesOfOneAddressAtOnceBothCount() throws Exception {
        ProcessedMessage first = bounce("both@example.net", "452 4.2.2 Mailbox full", T0);
        ProcessedMessage second = bounce("both@example.net", "452 4.2.2 Mailbox full", T0.plusSeconds(60));
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicLong secondConnection = new AtomicLong();
        AtomicBoolean secondWritten = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> tx.executeWithoutResult(s -> {
                writeInTransaction(first);
                firstApplied.countDown();
                await(secondStarted); // commit only once the other transaction is under way
                // ... and waits behind this one's locks (or, stored in another order, got through)
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> secondWritten.get() || blockedInAStatement(secondConnection.get()));
            }));
            await(firstApplied);
            Future<?> b = pool.submit(() -> tx.executeWithoutResult(s -> {
                jdbc.queryForList("SELECT id FROM bounce_event"); // this transaction's snapshot: without the first
                secondConnection.set(jdbc.queryForObject("SELECT CONNECTION_ID()", Long.class));
                secondStarted.countDown();
                writeInTransaction(second); // waits for the first to commit, then counts its event too
                secondWritten.set(true);
            }));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(state("both@example.net")).containsEntry("soft_count", 2).containsEntry("status", "soft_bouncing");
    }

    @Test
    void correlationHeadersAndVerpAreStoredOnEachEvent() {
        store = new BounceStore(jdbc, new StoreSettings(ListPolicy.defaults(), new Correlation("X-Campaign-Id",
                "X-Subscriber-Id", "List-Id", List.of("X-Tenant"), "bounces+{local}={domain}@news.example.com"),
                StateHooks.NONE, "v1"), Clock.fixed(T0, ZoneOffset.UTC));
        DeliveryRecord noRecipient = DeliveryRecord.builder(RecordKind.BOUNCE).status("5.1.1").replyCode("550")
                .diagnostic("550 5.1.1 user unknown").build();
        uid++;
        ProcessedMessage m = new ProcessedMessage(new MessageKey("box", "INBOX", 1, uid), 100, ParseOutcome.PARSED,
                "<b" + uid + "@t>", "%064d".formatted(uid), T0, ORIGINAL,
                List.of(new ClassifiedRecord(noRecipient, classifier.classify(noRecipient))), ArchiveCategory.HARD, null,
                List.of("bounces+Zoe=Example.ORG@news.example.com"));

        write(m);

        assertThat(jdbc.queryForMap("""
                SELECT recipient, verp_recipient, campaign_id, subscriber_id, list_id, correlation, sender_domain, rules_version
                  FROM bounce_event""")).containsEntry("recipient", "zoe@example.org")
                .containsEntry("verp_recipient", "zoe@example.org").containsEntry("campaign_id", "weekly-48")
                .containsEntry("subscriber_id", "sub-7").containsEntry("list_id", "<news.example.com>")
                .containsEntry("correlation", "X-Tenant: acme").containsEntry("sender_domain", "news.example.com")
                .containsEntry("rules_version", "v1");
        assertThat(state("zoe@example.org")).containsEntry("status", "suppressed").containsEntry("campaign_id", "weekly-48");
    }

    @Test
    void theOperatorsSqlRunsOncePerChangeInTheSameTransaction() {
        jdbc.execute("CREATE TABLE subscribers (email VARCHAR(320) PRIMARY KEY, status VARCHAR(32), note VARCHAR(255), changes INT DEFAULT 0)");
        jdbc.update("INSERT INTO subscribers (email, status) VALUES ('gone@example.net', 'active'), ('full@example.net', 'active')");
        store = store(ListPolicy.defaults(), new StateHooks(Map.of(
                RecipientStatus.SUPPRESSED, "UPDATE subscribers SET status = 'bounced', note = CONCAT(:reason, ' ', :campaign_id), "
                        + "changes = changes + 1 WHERE email = :email",
                RecipientStatus.SOFT_BOUNCING, "UPDATE subscribers SET status = :status, changes = changes + 1 WHERE email = :email")));

        write(bounce("gone@example.net", "550 5.1.1 User unknown; '); DROP TABLE subscribers; --", T0));
        write(bounce("full@example.net", "452 4.2.2 Mailbox full", T0));
        write(bounce("full@example.net", "452 4.2.2 Mailbox full", T0.plusSeconds(60)));

        assertThat(jdbc.queryForMap("SELECT status, note, changes FROM subscribers WHERE email = 'gone@example.net'"))
                .containsEntry("status", "bounced").containsEntry("note", "userunknown weekly-48").containsEntry("changes", 1);
        assertThat(jdbc.queryForMap("SELECT status, changes FROM subscribers WHERE email = 'full@example.net'"))
                .as("a second soft bounce is no change of status").containsEntry("status", "soft_bouncing").containsEntry("changes", 1);

        ProcessedMessage third = bounce("full@example.net", "452 4.2.2 Mailbox full", T0.plusSeconds(120));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            store.insertMessages(List.of(third), x -> "Bounces/Soft", null);
            store.insertEvents(List.of(third));
            store.applyRecipientState(List.of(third));
            throw new IllegalStateException("injected: chunk fails before commit");
        })).hasMessageContaining("injected");
        assertThat(jdbc.queryForObject("SELECT status FROM subscribers WHERE email = 'full@example.net'", String.class))
                .as("rolled back with the chunk").isEqualTo("soft_bouncing");
        assertThat(status("full@example.net")).isEqualTo("soft_bouncing");
    }

    @Test
    void reclassifyingFollowsChangedRulesAndASecondRunChangesNothing(@TempDir Path tables) throws IOException {
        // refused at RCPT: unknown-user words there are the recipient's directory (without a command they read as a filter's)
        String odd = "550 5.7.1 Message rejected: ACME-POLICY-42 (in reply to RCPT TO command)";
        write(bounce("odd@example.net", odd, T0));
        write(bounce("dead@example.net", "550 5.1.1 User unknown", T0));
        assertThat(status("odd@example.net")).as("5.7.1 without known words is a sender-side block").isEqualTo("active");
        String v1 = jdbc.queryForObject("SELECT DISTINCT rules_version FROM bounce_event", String.class);

        Files.writeString(tables.resolve("phrases.tsv"), "userunknown\tacme-policy-42\n");
        VersionedClassifier changed = VersionedClassifier.of(TableSource.withOverrides(tables));
        StoreSettings settings = new StoreSettings(ListPolicy.defaults(), Correlation.defaults(), StateHooks.NONE,
                changed.version());
        Reclassifier reclassifier = new Reclassifier(jdbc, changed, settings, tx, Clock.fixed(T0, ZoneOffset.UTC));

        List<String> beforeDryRun = snapshot();
        Reclassifier.Result dry = reclassifier.run(null, null, true);
        assertThat(snapshot()).as("a dry run writes nothing").isEqualTo(beforeDryRun);
        assertThat(dry.transitions()).containsEntry("active → suppressed", 1);

        Reclassifier.Result first = reclassifier.run(null, null, false);

        assertThat(changed.version()).isNotEqualTo(v1);
        assertThat(first.transitions()).containsEntry("active → suppressed", 1);
        assertThat(state("odd@example.net")).containsEntry("status", "suppressed").containsEntry("suppressed_reason", "userunknown");
        assertThat(jdbc.queryForList("SELECT DISTINCT rules_version FROM bounce_event", String.class))
                .containsExactly(changed.version());
        assertThat(status("dead@example.net")).isEqualTo("suppressed");
        List<String> after = snapshot();

        Reclassifier.Result second = reclassifier.run(null, null, false);

        assertThat(second.changed()).isZero();
        assertThat(second.lines()).isEmpty();
        assertThat(snapshot()).isEqualTo(after);
    }

    @Test
    void reclassifyingAppliesChangedReasonGroups(@TempDir Path dir) throws IOException {
        write(bounce("full@example.net", "452 4.2.2 Mailbox full", T0));
        assertThat(status("full@example.net")).isEqualTo("soft_bouncing");
        Path groups = dir.resolve("groups.tsv");
        Files.writeString(groups, "mailboxfull\trecipient\n");

        StoreSettings settings = new StoreSettings(new ListPolicy(3, Duration.ofDays(30),
                ReasonGroups.withOverrides(groups.toString()), Set.of()), Correlation.defaults(), StateHooks.NONE,
                VersionedClassifier.versionOf(classifier));
        new Reclassifier(jdbc, classifier, settings, tx, Clock.systemUTC()).run(null, null, false);

        // a 4xx status keeps even a recipient-side reason soft
        assertThat(jdbc.queryForObject("SELECT reason_group FROM bounce_event", String.class)).isEqualTo("recipient");
        assertThat(status("full@example.net")).isEqualTo("soft_bouncing");
    }

    @Test
    void aBadReasonGroupsFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path groups = dir.resolve("groups.tsv");
        Files.writeString(groups, "# mine\nmailboxful\trecipient\n");

        assertThatThrownBy(() -> ReasonGroups.withOverrides(groups.toString()))
                .hasMessageContaining("groups.tsv line 2").hasMessageContaining("mailboxful");
        assertThat(ReasonGroups.builtIn().of(Reason.BLOCKED)).isEqualTo(ReasonGroup.SENDER);
    }

    // ------------------------------------------------------------------ helpers

    private BounceStore store(ListPolicy policy, StateHooks hooks) {
        return new BounceStore(jdbc, new StoreSettings(policy, Correlation.defaults(), hooks,
                VersionedClassifier.versionOf(classifier)), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private void write(ProcessedMessage... messages) {
        List<ProcessedMessage> list = List.of(messages);
        tx.executeWithoutResult(s -> {
            store.insertMessages(list, x -> "Bounces/" + x.category().code(), null);
            store.insertEvents(list);
            store.applyRecipientState(list);
        });
    }

    private void writeInTransaction(ProcessedMessage m) {
        store.insertMessages(List.of(m), x -> "Bounces/" + x.category().code(), null);
        store.insertEvents(List.of(m));
        store.applyRecipientState(List.of(m));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The connection has been running one statement for over 200 ms: waiting for a lock (a row
     * write takes a few ms). The server's process list shows a user its own connections.
     */
    private boolean blockedInAStatement(long connectionId) {
        return JobTestSupport.count(jdbc, """
                SELECT COUNT(*) FROM information_schema.PROCESSLIST
                 WHERE ID = ? AND COMMAND = 'Query' AND TIME_MS > 200""", connectionId) > 0;
    }

    private List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        for (String table : new String[]{"bounce_message", "bounce_event", "recipient_state"}) {
            rows.add(table + "=" + jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1"));
        }
        return rows;
    }

    private String status(String recipient) {
        return jdbc.queryForObject("SELECT status FROM recipient_state WHERE recipient = ?", String.class, recipient);
    }

    private Map<String, Object> state(String recipient) {
        return jdbc.queryForMap("""
                SELECT status, status_explanation, soft_count, hard_count, sender_issue_count, complaint_count,
                       suppressed_reason, allow_listed, campaign_id
                  FROM recipient_state WHERE recipient = ?""", recipient);
    }

    private ProcessedMessage bounce(String recipient, String diagnostic, Instant at) {
        return bounce(recipient, diagnostic, at, "dns; mx.example.net");
    }

    private ProcessedMessage bounce(String recipient, String diagnostic, Instant at, String remoteMta) {
        String reply = diagnostic.substring(0, 3);
        String status = diagnostic.substring(4).split("[ ;]")[0];
        return message(at, DeliveryRecord.builder(RecordKind.BOUNCE).recipient(recipient).action("failed")
                .status(status.matches("\\d\\.\\d{1,3}\\.\\d{1,3}") ? status : null).replyCode(reply)
                .diagnostic(diagnostic).remoteMta(remoteMta).build());
    }

    private static DeliveryRecord complaint(String recipient) {
        return DeliveryRecord.builder(RecordKind.COMPLAINT).recipient(recipient).feedbackType("abuse").build();
    }

    private ProcessedMessage message(Instant at, DeliveryRecord... records) {
        uid++;
        List<ClassifiedRecord> classified = new ArrayList<>();
        for (DeliveryRecord r : records) {
            classified.add(new ClassifiedRecord(r, classifier.classify(r)));
        }
        return new ProcessedMessage(new MessageKey("box", "INBOX", 1, uid), 100, ParseOutcome.PARSED, "<m" + uid + "@t>",
                "%064d".formatted(uid), at, ORIGINAL, classified, ArchiveCategory.of(ParseOutcome.PARSED, classified), null);
    }
}
