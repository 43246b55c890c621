package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.DefaultBounceParser;
import io.bouncesweeper.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Amazon SES notifications (SNS e-mail, a JSON document): read by Jackson; a broken document is quarantined. */
class AmazonSesDecoderTest {
    private final DefaultBounceParser parser = new DefaultBounceParser();

    @Test
    void aBounceNotificationGivesItsRecipientStatusAndWording() {
        ParsedMessage parsed = parser.parse(Fixtures.bytes("ses/bounce-notification.eml"));

        assertThat(parsed.outcome()).isEqualTo(ParseOutcome.PARSED);
        assertThat(parsed.records()).hasSize(1);
        DeliveryRecord r = parsed.records().get(0);
        assertThat(r.decoder()).isEqualTo(AmazonSesDecoder.NAME);
        assertThat(r.kind()).isEqualTo(RecordKind.BOUNCE);
        assertThat(r.recipient()).isEqualTo("gone@example.net");
        assertThat(r.status()).isEqualTo("5.1.1");
        assertThat(r.replyCode()).isEqualTo("550");
        assertThat(r.action()).isEqualTo("failed");
        assertThat(r.reportingMta()).isEqualTo("a27-10.smtp-out.us-west-2.amazonses.com");
    }

    @Test
    void aLiteralThatIsNotTrueFalseOrNullIsMalformedNotTrue() {
        ParsedMessage parsed = parser.parse(Fixtures.bytes("ses/notification-broken-literal.eml"));

        assertThat(parsed.outcome()).isEqualTo(ParseOutcome.UNPARSED);
        assertThat(parsed.records()).isEmpty();
        assertThat(parsed.error()).startsWith("malformed AmazonSES report: its JSON does not parse")
                .contains("txyz").contains("line 1, column");
        assertThat(parsed.messageId()).as("kept for the quarantine row").isEqualTo("<ses-bounce-broken@email.amazonses.com>");
    }

    @Test
    void aDocumentCutOffMidwayIsMalformed() {
        ParsedMessage parsed = parser.parse(Fixtures.bytes("ses/notification-truncated.eml"));

        assertThat(parsed.outcome()).isEqualTo(ParseOutcome.UNPARSED);
        assertThat(parsed.error()).startsWith("malformed AmazonSES report: its JSON does not parse")
                .containsIgnoringCase("end-of-input");
    }

    @Test
    void aMemberOfAnotherJsonTypeIsReadAsMissing() {
        String mail = new String(Fixtures.bytes("ses/bounce-notification.eml"), StandardCharsets.UTF_8)
                .replace("\"action\":\"failed\"", "\"action\":5")
                .replace("\"emailAddress\":\"gone@example.net\"", "\"emailAddress\":[\"gone@example.net\"]");

        ParsedMessage parsed = parser.parse(mail.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.records()).hasSize(1);
        assertThat(parsed.records().get(0).action()).isNull();
        assertThat(parsed.records().get(0).status()).isEqualTo("5.1.1");
    }
}
