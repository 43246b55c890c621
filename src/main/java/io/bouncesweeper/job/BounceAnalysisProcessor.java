package io.bouncesweeper.job;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.MailboxMessage;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.parse.BounceParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parse, then classify each record. Never throws: whatever goes wrong with one message makes it
 * an UNPARSED outcome bound for quarantine, and the run goes on. Holds no state of its own, so the
 * step runs it on several threads at once.
 */
public class BounceAnalysisProcessor implements ItemProcessor<MailboxMessage, ProcessedMessage> {
    private static final Logger log = LoggerFactory.getLogger(BounceAnalysisProcessor.class);

    private final BounceParser parser;
    private final BounceClassifier classifier;
    private final Clock clock;

    public BounceAnalysisProcessor(BounceParser parser, BounceClassifier classifier, Clock clock) {
        this.parser = parser;
        this.classifier = classifier;
        this.clock = clock;
    }

    @Override
    public ProcessedMessage process(MailboxMessage message) {
        Instant now = clock.instant();
        ParsedMessage parsed;
        try {
            parsed = parser.parse(message.raw());
        } catch (RuntimeException | StackOverflowError e) {
            parsed = ParsedMessage.unparsed(null, "parser failed: " + e);
        }
        List<ClassifiedRecord> records = new ArrayList<>(parsed.records().size());
        try {
            for (DeliveryRecord r : parsed.records()) {
                records.add(new ClassifiedRecord(r, classifier.classify(r)));
            }
        } catch (RuntimeException e) {
            parsed = ParsedMessage.unparsed(parsed.messageId(), "classifier failed: " + e);
            records.clear();
        }
        ParseOutcome outcome = parsed.outcome();
        if (outcome == ParseOutcome.UNPARSED) {
            log.info("{} goes to quarantine: {}", message.key(), LogText.safe(parsed.error()));
        }
        Instant eventTime = parsed.date() != null && !parsed.date().isAfter(now) ? parsed.date() : now;
        return new ProcessedMessage(message.key(), message.size(), outcome, MessageIds.normalize(parsed.messageId()),
                Fingerprints.of(message.raw()), eventTime,
                parsed.original(), records, ArchiveCategory.of(outcome, records), parsed.error(),
                BounceEnvelope.recipients(message.raw()));
    }
}
