package io.bouncesweeper.store;

import io.bouncesweeper.archive.ArchiveFolders;
import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.OriginalMessage;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.DefaultBounceParser;
import io.bouncesweeper.support.Fixtures;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delays, challenges and receipts are stored as events but never move a recipient toward
 * suppression (on MariaDB). The delays are real ones: the Postfix fixture through parser and
 * classifier, as the job does it.
 */
class NoticeStateTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String DELAYED_RECIPIENT = "henry@slow.example.org";
    private static final ArchiveFolders FOLDERS =
            new ArchiveFolders("Bounces/Hard", "Bounces/Soft", "Bounces/Other", "Bounces/Unparsed", "Bounces/Notices");

    private final DefaultBounceParser parser = new DefaultBounceParser();
    private final DefaultBounceClassifier classifier = new DefaultBounceClassifier();
    private JdbcTemplate jdbc;
    private BounceStore store;
    private long uid;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        store = new BounceStore(jdbc, new SoftBouncePolicy(3, Duration.ofDays(30)), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void threeDelaysInsideTheWindowDoNotTouchTheRecipient() {
        for (int day = 0; day < 3; day++) {
            write(fromFixture("notice-postfix-delayed-4.4.1.eml", T0.plus(Duration.ofDays(day))));
        }

        assertThat(count("SELECT COUNT(*) FROM recipient_state")).isZero();
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE kind = 'delayed' AND recipient = ?", DELAYED_RECIPIENT))
                .isEqualTo(3);
        // stored for analytics with what the report said and the reason the classifier gave
        assertThat(jdbc.queryForMap("""
                SELECT status, bounce_class, reason, dsn_action FROM bounce_event WHERE recipient = ? LIMIT 1""",
                DELAYED_RECIPIENT)).containsEntry("status", "4.4.1").containsEntry("bounce_class", "soft")
                .containsEntry("reason", "expired").containsEntry("dsn_action", "delayed");
        assertThat(count("SELECT COUNT(*) FROM bounce_message WHERE category = 'notice' AND target_folder = 'Bounces/Notices'"))
                .isEqualTo(3);
    }

    @Test
    void threeDelaysInOneChunkDoNotTouchTheRecipient() {
        write(fromFixture("notice-postfix-delayed-4.4.1.eml", T0),
                fromFixture("notice-postfix-delayed-4.4.1.eml", T0.plusSeconds(3600)),
                fromFixture("notice-postfix-delayed-4.4.1.eml", T0.plusSeconds(7200)));

        assertThat(count("SELECT COUNT(*) FROM recipient_state")).isZero();
    }

    @Test
    void delaysBetweenSoftBouncesAreNotCounted() {
        write(softBounce(DELAYED_RECIPIENT, T0));
        write(fromFixture("notice-postfix-delayed-4.4.1.eml", T0.plus(Duration.ofDays(1))));
        write(fromFixture("notice-postfix-delayed-4.4.1.eml", T0.plus(Duration.ofDays(2))));
        write(softBounce(DELAYED_RECIPIENT, T0.plus(Duration.ofDays(3))));
        write(fromFixture("notice-postfix-delayed-4.4.1.eml", T0.plus(Duration.ofDays(4))));

        assertThat(state(DELAYED_RECIPIENT)).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 2);
    }

    @Test
    void replayingDelaysChangesNothing() {
        List<ProcessedMessage> delays = List.of(
                fromFixture("notice-postfix-delayed-4.4.1.eml", T0),
                fromFixture("notice-exim-warning-delayed.eml", T0.plusSeconds(60)),
                fromFixture("notice-exchange-delivery-delayed.eml", T0.plusSeconds(120)));
        write(delays.toArray(ProcessedMessage[]::new));
        List<String> before = snapshot();

        // replayed as the job's writer does: what was stored before is skipped
        write(delays.toArray(ProcessedMessage[]::new));
        // and even applied to the list state again directly, a delay counts for nothing
        store.applyRecipientState(delays);
        store.applyRecipientState(delays);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM recipient_state")).isZero();
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE kind = 'delayed'")).isEqualTo(3);
    }

    @Test
    void challengesAndReceiptsAreStoredButChangeNoState() {
        write(fromFixture("notice-challenge-confirm-human.eml", T0),
                fromFixture("notice-challenge-guest-list.eml", T0),
                fromFixture("notice-mdn-displayed.eml", T0),
                fromFixture("notice-receipt-plain-read.eml", T0));

        assertThat(count("SELECT COUNT(*) FROM recipient_state")).isZero();
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE kind = 'challenge'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE kind = 'receipt'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM bounce_message WHERE category = 'notice'")).isEqualTo(4);
    }

    @Test
    void aPostmasterCopyDoesNotCountTheSameFailureTwice() {
        ProcessedMessage own = analysed("dsn-452-4.2.2-mailbox-full.eml", T0);
        ProcessedMessage copy = analysed("notice-postfix-postmaster-copy.eml", T0.plusSeconds(1));
        assertThat(copy.records()).extracting(r -> r.record().kind()).containsExactly(RecordKind.COPY);

        write(own, copy);

        assertThat(state("alice@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 1);
        // stored, classified like the bounce it copies, and filed with the notices
        assertThat(jdbc.queryForMap("SELECT bounce_class, reason FROM bounce_event WHERE kind = 'copy'"))
                .containsEntry("bounce_class", "soft").containsEntry("reason", "mailboxfull");
        assertThat(count("SELECT COUNT(*) FROM bounce_message WHERE category = 'notice'")).isEqualTo(1);
    }

    @Test
    void aCopyThatArrivesBeforeTheSendersReportIsNotCountedOnceTheReportIsStored() {
        write(analysed("notice-postfix-postmaster-copy.eml", T0));
        assertThat(state("alice@example.net")).containsEntry("soft_count", 1);

        write(analysed("dsn-452-4.2.2-mailbox-full.eml", T0.plusSeconds(60)));

        assertThat(state("alice@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 1);
    }

    @Test
    void aCopyWithoutTheSendersReportCountsSoNoFailureIsLost() {
        write(analysed("notice-postfix-postmaster-copy.eml", T0));

        // the sender's report never came: the copy is the only trace of the failure
        assertThat(state("alice@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 1);
    }

    @Test
    void aMessageWithABounceBesideADelayIsFiledByTheBounce() {
        ClassifiedRecord delay = new ClassifiedRecord(DeliveryRecord.builder(RecordKind.DELAYED).recipient("a@example.net").build(),
                new Classification(BounceClass.SOFT, Reason.EXPIRED, OperatorAction.RETRY, "4.4.1", "test"));
        ClassifiedRecord hard = new ClassifiedRecord(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("b@example.net").build(),
                new Classification(BounceClass.HARD, Reason.USER_UNKNOWN, OperatorAction.REMOVE, "5.1.1", "test"));

        assertThat(ArchiveCategory.of(ParseOutcome.PARSED, List.of(delay, hard)))
                .isEqualTo(ArchiveCategory.HARD);
        assertThat(ArchiveCategory.of(ParseOutcome.PARSED, List.of(delay)))
                .isEqualTo(ArchiveCategory.NOTICE);
    }

    /** As the job's writer: only messages not stored before are written. */
    private void write(ProcessedMessage... messages) {
        List<ProcessedMessage> all = List.of(messages);
        ProcessedIdentities seen = store.findProcessed(all);
        List<ProcessedMessage> fresh = new ArrayList<>();
        for (ProcessedMessage m : all) {
            if (!seen.contains(m.key(), m.fingerprint())) {
                fresh.add(m);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        store.insertMessages(fresh, m -> FOLDERS.folderFor(m.category()), null);
        store.insertEvents(fresh);
        store.applyRecipientState(fresh);
    }

    /** A notice fixture through parser and classifier; each call is a new message (own UID and fingerprint). */
    private ProcessedMessage fromFixture(String fixture, Instant at) {
        ProcessedMessage m = analysed(fixture, at);
        assertThat(m.records()).isNotEmpty().allMatch(r -> r.record().kind().isNotice());
        return m;
    }

    /** Any fixture through parser and classifier, as a new message. */
    private ProcessedMessage analysed(String fixture, Instant at) {
        ParsedMessage parsed = parser.parse(Fixtures.bytes(fixture));
        List<ClassifiedRecord> records = new ArrayList<>();
        for (DeliveryRecord r : parsed.records()) {
            records.add(new ClassifiedRecord(r, classifier.classify(r)));
        }
        uid++;
        return new ProcessedMessage(new MessageKey("box", "INBOX", 1, uid), 1000, parsed.outcome(), "<n" + uid + "@t>",
                "%064d".formatted(uid), at, parsed.original(), records, ArchiveCategory.of(parsed.outcome(), records), null);
    }

    private ProcessedMessage softBounce(String recipient, Instant at) {
        DeliveryRecord r = DeliveryRecord.builder(RecordKind.BOUNCE).recipient(recipient).status("4.2.2").build();
        ClassifiedRecord c = new ClassifiedRecord(r,
                new Classification(BounceClass.SOFT, Reason.MAILBOX_FULL, OperatorAction.RETRY, "4.2.2", "test"));
        uid++;
        return new ProcessedMessage(new MessageKey("box", "INBOX", 1, uid), 100, ParseOutcome.PARSED,
                "<s" + uid + "@t>", "%064d".formatted(uid), at, OriginalMessage.UNKNOWN, List.of(c),
                ArchiveCategory.of(ParseOutcome.PARSED, List.of(c)), null);
    }

    private Map<String, Object> state(String recipient) {
        return jdbc.queryForMap("SELECT status, soft_count, hard_count FROM recipient_state WHERE recipient = ?", recipient);
    }

    private List<String> snapshot() {
        List<String> s = new ArrayList<>();
        s.add("messages=" + count("SELECT COUNT(*) FROM bounce_message"));
        s.add("events=" + count("SELECT COUNT(*) FROM bounce_event"));
        s.addAll(jdbc.query("SELECT recipient, status, soft_count, hard_count FROM recipient_state ORDER BY recipient",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4)));
        return s;
    }

    private int count(String sql, Object... args) {
        return JobTestSupport.count(jdbc, sql, args);
    }
}
