package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diagnostic-types.tsv: a local mailer's Diagnostic-Code type (x-unix) turns a vague verdict into a mailer error. */
class DiagnosticTypeTest {
    private static final DefaultBounceClassifier CLASSIFIER = new DefaultBounceClassifier();

    private static Classification classify(String type, String status, String diagnostic) {
        return CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .status(status).diagnostic(diagnostic).diagnosticType(type).build());
    }

    @Test
    void aProgramExitCodeIsAMailerError() {
        Classification c = classify("x-unix", "5.3.0", "255");
        assertEquals(Reason.MAILER_ERROR, c.reason());
        assertEquals("type:x-unix", c.rule());
    }

    @Test
    void aSystemErrorWordingOfALocalMailerIsAMailerError() {
        assertEquals(Reason.MAILER_ERROR, classify("x-unix", "4.3.0", "Operating system error").reason());
    }

    @Test
    void specificWordsOfALocalMailerStillDecide() {
        Classification c = classify("x-unix", "5.2.2", "maildir delivery failed: mailbox full");
        assertEquals(Reason.MAILBOX_FULL, c.reason());
    }

    @Test
    void theSameTextFromAnSmtpServerIsNoMailerError() {
        assertEquals(Reason.SYSTEM_ERROR, classify("smtp", "5.3.0", "255").reason());
        assertEquals(Reason.SYSTEM_ERROR, classify(null, "5.3.0", "255").reason());
    }

    @Test
    void anUnknownReasonInTheTableFailsWithItsLine() {
        TableSource bad = TableSource.withOverrides(Map.of(DiagnosticTypeTable.TABLE,
                new java.io.StringReader("x-unix\tmailererror\tnosuchreason\n")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DefaultBounceClassifier(bad));
        assertTrue(e.getMessage().startsWith("diagnostic-types.tsv:1:"), e.getMessage());
    }
}
