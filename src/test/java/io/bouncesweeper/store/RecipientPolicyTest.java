package io.bouncesweeper.store;

import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.OriginalMessage;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The list policy, on MariaDB: hard suppresses at once, soft after N within the window. */
class RecipientPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

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
    void aHardBounceSuppressesAtOnce() {
        write(bounce("dead@example.net", BounceClass.HARD, Reason.USER_UNKNOWN, "5.1.1", T0));

        assertThat(state("dead@example.net")).containsEntry("status", "suppressed")
                .containsEntry("suppressed_reason", "userunknown").containsEntry("hard_count", 1);
    }

    @Test
    void softBouncesSuppressOnlyAtTheThresholdWithinTheWindow() {
        write(bounce("full@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0));
        write(bounce("full@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0.plus(Duration.ofDays(3))));
        assertThat(state("full@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 2);

        write(bounce("full@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0.plus(Duration.ofDays(10))));

        assertThat(state("full@example.net")).containsEntry("status", "suppressed").containsEntry("soft_count", 3)
                .containsEntry("suppressed_reason", "mailboxfull");
    }

    @Test
    void softBouncesOutsideTheWindowNoLongerCount() {
        write(bounce("slow@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0));
        write(bounce("slow@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0.plus(Duration.ofDays(20))));
        write(bounce("slow@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0.plus(Duration.ofDays(45))));

        // the window is a sliding one: at day 45 the bounces of days 20 and 45 count, day 0 has expired
        assertThat(state("slow@example.net")).containsEntry("status", "soft_bouncing").containsEntry("soft_count", 2);
    }

    @Test
    void threeSoftBouncesInOneChunkSuppress() {
        write(bounce("a@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0),
                bounce("a@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0.plusSeconds(60)),
                bounce("a@example.net", BounceClass.SOFT, Reason.MAILBOX_FULL, "4.2.2", T0.plusSeconds(120)));

        assertThat(state("a@example.net")).containsEntry("status", "suppressed");
    }

    @Test
    void addressesAreCaseInsensitive() {
        write(bounce("Bob@Example.NET", BounceClass.HARD, Reason.USER_UNKNOWN, "5.1.1", T0));

        assertThat(state("bob@example.net")).containsEntry("status", "suppressed");
    }

    @Test
    void autoRepliesAndDeliveryNoticesChangeNoState() {
        ProcessedMessage vacation = message(record(RecordKind.AUTOREPLY, "v@example.net", BounceClass.NONE, Reason.VACATION, null), T0);
        ProcessedMessage delivered = message(record(RecordKind.DELIVERED, "d@example.net", BounceClass.NONE, Reason.DELIVERED, "2.0.0"), T0);

        write(vacation, delivered);

        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM recipient_state")).isZero();
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_event")).isEqualTo(2);
    }

    @Test
    void storedMessagesAreFoundByPlaceAndByContent() {
        ProcessedMessage m = bounce("x@example.net", BounceClass.HARD, Reason.USER_UNKNOWN, "5.1.1", T0);
        write(m);

        ProcessedMessage sameContentElsewhere = new ProcessedMessage(new MessageKey("box", "Other", 9, 1), m.size(),
                m.outcome(), m.messageId(), m.fingerprint(), m.eventTime(), m.original(), m.records(), m.category(), null);
        assertThat(store.findProcessed(List.of(sameContentElsewhere)).contains(sameContentElsewhere.key(), m.fingerprint()))
                .isTrue();
        assertThat(store.findProcessed(List.of(m)).contains(m.key(), "another fingerprint")).isTrue();
    }

    private void write(ProcessedMessage... messages) {
        List<ProcessedMessage> list = List.of(messages);
        store.insertMessages(list, x -> "Bounces/" + x.category().code(), null);
        store.insertEvents(list);
        store.applyRecipientState(list);
    }

    private Map<String, Object> state(String recipient) {
        return jdbc.queryForMap("SELECT status, soft_count, hard_count, suppressed_reason FROM recipient_state WHERE recipient = ?",
                recipient);
    }

    private ProcessedMessage bounce(String recipient, BounceClass c, Reason reason, String status, Instant at) {
        return message(record(RecordKind.BOUNCE, recipient, c, reason, status), at);
    }

    private static ClassifiedRecord record(RecordKind kind, String recipient, BounceClass c, Reason reason, String status) {
        DeliveryRecord r = DeliveryRecord.builder(kind).recipient(recipient).status(status).build();
        return new ClassifiedRecord(r, new Classification(c, reason, OperatorAction.NONE, status, "test"));
    }

    private ProcessedMessage message(ClassifiedRecord record, Instant at) {
        uid++;
        return new ProcessedMessage(new MessageKey("box", "INBOX", 1, uid), 100, ParseOutcome.PARSED, "<m" + uid + "@t>",
                "%064d".formatted(uid), at, OriginalMessage.UNKNOWN, List.of(record),
                ArchiveCategory.of(ParseOutcome.PARSED, List.of(record)), null);
    }
}
