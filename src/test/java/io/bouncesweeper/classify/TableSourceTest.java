package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableSourceTest {

    @Test
    void operatorRowsExtendAndOverrideBuiltInTables(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("phrases.tsv"), "# local MTA's wording\nuserunknown\tpostbox vacant\n");
        Files.writeString(dir.resolve("status-codes.tsv"), "550\t5.7.1\tpolicyviolation\treview-content\tour view\n");
        DefaultBounceClassifier classifier = new DefaultBounceClassifier(TableSource.withOverrides(dir));

        Classification phrase = classifier.classify(DeliveryRecord.builder(RecordKind.BOUNCE).smtpCommand("RCPT")
                .diagnostic("550 Postbox vacant").build());
        Classification status = classifier.classify(DeliveryRecord.builder(RecordKind.BOUNCE)
                .replyCode("550").status("5.7.1").build());
        Classification builtIn = classifier.classify(DeliveryRecord.builder(RecordKind.BOUNCE)
                .diagnostic("mailbox full").build());

        assertEquals(Reason.USER_UNKNOWN, phrase.reason());
        assertEquals(Reason.POLICY_VIOLATION, status.reason());
        assertEquals(OperatorAction.REVIEW_CONTENT, status.action());
        assertEquals(Reason.MAILBOX_FULL, builtIn.reason());
    }

    @Test
    void tablesCanComeFromReaders() {
        DefaultBounceClassifier classifier = new DefaultBounceClassifier(TableSource.withOverrides(
                Map.of("phrases.tsv", new StringReader("mailboxfull\tbox stuffed\n"))));

        assertEquals(Reason.MAILBOX_FULL, classifier.classify(DeliveryRecord.builder(RecordKind.BOUNCE)
                .diagnostic("552 Box stuffed").build()).reason());
    }

    @Test
    void malformedTableNamesFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("phrases.tsv"), "# comment\nnosuchreason\tsome words\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DefaultBounceClassifier(TableSource.withOverrides(dir)));

        assertTrue(e.getMessage().startsWith("phrases.tsv:2:"), e.getMessage());
    }
}
