package io.bouncesweeper.parse;

import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.store.ReasonGroup;
import io.bouncesweeper.store.ReasonGroups;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ARF report is what its Feedback-Type says (parse/feedback-types.tsv): a complaint (RFC 5965),
 * the sender's authentication problem (RFC 6591) that never counts against the recipient, or a
 * recipient's "not spam" (RFC 6430) that changes nothing.
 */
class ArfFeedbackTypeTest {
    private static final String REPORT = """
            From: <feedback@arf.mail.example>
            Subject: Report
            To: abuse@bouncesweeper.test
            Message-ID: <arf-%1$s@arf.mail.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="b1"

            --b1
            Content-Type: text/plain

            A report about a message received from 192.0.2.10.

            --b1
            Content-Type: message/feedback-report

            Feedback-Type: %1$s
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Mail-From: <news@bouncesweeper.test>
            Original-Rcpt-To: <frank@mail.example>
            Reporting-MTA: dns; mail.example
            Auth-Failure: dmarc
            Reported-Domain: bouncesweeper.test

            --b1
            Content-Type: message/rfc822

            From: <news@bouncesweeper.test>
            To: Frank <frank@mail.example>
            Subject: Weekly offers
            Message-ID: <news-44@bouncesweeper.test>

            Buy now.
            --b1--
            """;

    private final DefaultBounceParser parser = new DefaultBounceParser();
    private final DefaultBounceClassifier classifier = new DefaultBounceClassifier();

    @ParameterizedTest(name = "{0}: {1} {2}, {3}")
    @CsvSource({
            "abuse,          complaint, feedback,    none",
            "fraud,          complaint, feedback,    none",
            "virus,          complaint, feedback,    none",
            "other,          complaint, feedback,    none",
            "some-new-type,  complaint, feedback,    none",
            "auth-failure,   bounce,    authfailure, sender",
            "not-spam,       delivered, delivered,   none"})
    void theFeedbackTypeDecidesWhatTheReportIs(String type, String kind, String reason, String group) {
        ParsedMessage m = parser.parse(REPORT.formatted(type).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(m.records()).hasSize(1);
        DeliveryRecord r = m.records().get(0);
        Classification c = classifier.classify(r);

        assertThat(r.kind().code()).isEqualTo(kind);
        assertThat(r.recipient()).isEqualTo("frank@mail.example");
        assertThat(r.feedbackType()).isEqualTo(type);
        assertThat(c.reason().code()).isEqualTo(reason);
        assertThat(ReasonGroups.builtIn().of(c.reason())).isEqualTo(ReasonGroup.ofCode(group));
        if (r.kind() == RecordKind.BOUNCE) {
            assertThat(c.bounceClass()).isEqualTo(BounceClass.SOFT);
            assertThat(r.diagnostic()).contains("Auth-Failure: dmarc");
        }
    }
}
