package io.bouncesweeper.support;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.VersionedClassifier;
import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.domain.OriginalMessage;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.Correlation;
import io.bouncesweeper.store.ListPolicy;
import io.bouncesweeper.store.StateHooks;
import io.bouncesweeper.store.StoreSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Stores bounces as a sweep would (the real classifier, {@link BounceStore}, one transaction per
 * message, the list state derived), each with its own event time, for tests of what follows a sweep.
 */
public final class StoredBounces {
    private static final OriginalMessage ORIGINAL = new OriginalMessage("<sent-1@news.example.com>", Map.of(
            "X-Campaign-Id", "weekly-48", "From", "Newsletter <news@news.example.com>"));

    private final TransactionTemplate tx;
    private final BounceClassifier classifier = VersionedClassifier.builtIn();
    private final StoreSettings settings;
    private final JdbcTemplate jdbc;
    private long uid;

    public StoredBounces(JdbcTemplate jdbc) {
        this(jdbc, ListPolicy.defaults());
    }

    public StoredBounces(JdbcTemplate jdbc, ListPolicy policy) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.settings = new StoreSettings(policy, Correlation.defaults(), StateHooks.NONE,
                VersionedClassifier.versionOf(classifier));
    }

    public StoreSettings settings() {
        return settings;
    }

    public TransactionTemplate transactions() {
        return tx;
    }

    /** A bounce whose diagnostic starts with the reply code and enhanced status: {@code "550 5.1.1 User unknown"}. */
    public void bounce(String recipient, String diagnostic, Instant at) {
        String status = diagnostic.substring(4).split("[ ;]")[0];
        store(at, DeliveryRecord.builder(RecordKind.BOUNCE).recipient(recipient).action("failed")
                .status(status.matches("\\d\\.\\d{1,3}\\.\\d{1,3}") ? status : null).replyCode(diagnostic.substring(0, 3))
                .diagnostic(diagnostic).remoteMta("dns; mx.example.net").build());
    }

    public void complaint(String recipient, Instant at) {
        store(at, DeliveryRecord.builder(RecordKind.COMPLAINT).recipient(recipient).feedbackType("abuse").build());
    }

    public void autoReply(String recipient, Instant at) {
        store(at, DeliveryRecord.builder(RecordKind.AUTOREPLY).recipient(recipient).diagnostic("I am away until Monday").build());
    }

    private void store(Instant at, DeliveryRecord record) {
        uid++;
        List<ClassifiedRecord> classified = List.of(new ClassifiedRecord(record, classifier.classify(record)));
        ProcessedMessage m = new ProcessedMessage(new MessageKey("box", "INBOX", 1, uid), 100, ParseOutcome.PARSED,
                "<m" + uid + "@t>", "%064d".formatted(uid), at, ORIGINAL, classified,
                ArchiveCategory.of(ParseOutcome.PARSED, classified), null);
        BounceStore store = new BounceStore(jdbc, settings, Clock.fixed(at, ZoneOffset.UTC));
        tx.executeWithoutResult(s -> {
            store.insertMessages(List.of(m), x -> "Bounces/" + x.category().code(), null);
            store.insertEvents(List.of(m));
            store.applyRecipientState(List.of(m));
        });
    }
}
