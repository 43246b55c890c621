package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exchange Online's documented codes (providers.tsv, microsoft rows), exact codes and ranges. */
class MicrosoftCodesTest {
    private static final DefaultBounceClassifier CLASSIFIER = new DefaultBounceClassifier();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "550 | 5.7.25  | 5.7.25 Access denied, the sending IP address must have a reverse DNS record | requireptr      | provider:microsoft:5.7.25",
            "550 | 5.7.510 | 5.7.510 Access denied, example.com does not accept email over IPv6             | blocked         | provider:microsoft:5.7.510",
            "550 | 5.4.316 | 5.4.316 Message expired, connection refused                                    | expired         | provider:microsoft:5.4.316",
            "451 | 4.7.612 | 4.7.612 Server busy, please try again later                                   | blocked         | provider:microsoft:\"4.7.612\"",
            "550 | 5.7.621 | 5.7.621 Access denied, bad outbound sender                                    | blocked         | provider:microsoft:\"5.7.621\"",
            "550 | 5.7.705 | 5.7.705 Access denied, tenant has exceeded threshold                          | ratelimited      | provider:microsoft:\"5.7.705\"",
    })
    void documentedCodeDecides(String reply, String status, String text, String reason, String rule) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .replyCode(reply).status(status).diagnostic(reply + " " + text)
                .remoteMta("dns; example-org.mail.protection.outlook.com").build());
        assertEquals(Reason.ofCode(reason), c.reason());
        assertEquals(rule, c.rule());
    }
}
