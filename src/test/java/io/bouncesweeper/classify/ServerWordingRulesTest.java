package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** General server wordings and a relay's own refusal, each with the rule that must decide it. */
class ServerWordingRulesTest {
    private static final DefaultBounceClassifier CLASSIFIER = new DefaultBounceClassifier();

    /** A weak phrase still decides alone ("550 Unknown address", no RCPT refusal named: a filter's, commands.tsv). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "450 service permits 2 unverifyable sending IPs - mx.example.com is not 192.0.2.1 | requireptr      | phrase:requireptr",
            "Routing: Could not find a gateway for a@example.org                            | expired         | phrase:expired",
            "500 Line limit exceeded                                                        | emailtoolarge      | phrase:emailtoolarge",
"554 5.7.0 Reject, id=12345-01 - SPAM                                             | spamdetected    | phrase:spamdetected",
            "550 The account or domain may not exist, they may be blacklisted               | hostunknown     | phrase:hostunknown",
            "5.1.0 - Unknown address error 550-'5.7.1 <a@example.org>... Access denied' (delivery attempts: 0) | securityerror | status:5.7.1",
            "550 Unknown address                                                            | filtered        | phrase:userunknown",
            "550 'news@example.com' is not a registered gateway user                         | rejected        | phrase:rejected",
            "550 Protocol violation                                                         | policyviolation | phrase:policyviolation",
            "553 Exceeded maximum inbound message size                                        | emailtoolarge      | phrase:emailtoolarge",
            "<a@example.org>: This person's account is exceeding their quota.                 | mailboxfull     | phrase:mailboxfull",
            "554 L'adresse de messagerie référencée ci-dessus n'existe pas                     | filtered        | phrase:userunknown",
            "550 Esta casilla ha expirado por falta de uso                                   | suspend         | phrase:suspend",
            "550 La cuenta de correo está suspendida: cuenta inactiva                         | suspend         | phrase:suspend",
            "554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: news@example.com | norelaying | provider:amazonses",
    })
    void wordingDecides(String diagnostic, String reason, String rulePrefix) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .diagnostic(diagnostic).build());
        assertEquals(Reason.ofCode(reason), c.reason(), diagnostic);
        assertTrue(c.rule().startsWith(rulePrefix), c.rule());
    }

    /** "does not exist" after a bare domain name is a missing domain (hard), after anything else a missing mailbox. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "553 neko.example.com does not exist             | RCPT | hostunknown | phrase:hostunknown:\"{domain} does not exist\"",
            "553 neko.example.com. does not exist            | DATA | hostunknown | phrase:hostunknown:\"{domain} does not exist\"",
            "550 kijitora@example.com does not exist         | RCPT | userunknown | phrase:userunknown:\"does not exist\"",
            "550 <kijitora@example.com> does not exist       | RCPT | userunknown | phrase:userunknown:\"does not exist\"",
            "550 kijitora does not exist                     | RCPT | userunknown | phrase:userunknown:\"does not exist\"",
            "550 version 1.2 does not exist                  | RCPT | userunknown | phrase:userunknown:\"does not exist\"",
    })
    void aDomainThatDoesNotExistIsAnUnknownHost(String diagnostic, String command, String reason, String rule) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("kijitora@example.com")
                .smtpCommand(command).diagnostic(diagnostic).build());
        assertEquals(Reason.ofCode(reason), c.reason(), diagnostic);
        assertEquals(rule, c.rule());
        assertEquals(io.bouncesweeper.domain.BounceClass.HARD, c.bounceClass(), c.toString()); // a missing domain stays hard after DATA too
    }

    @org.junit.jupiter.api.Test
    void anAddressStatusAtMailFromIsTheSendersEvenWithUnknownAddressWords() {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .replyCode("553").status("5.1.0").smtpCommand("MAIL")
                .diagnostic("553 5.1.0 news example.com does not exist").build());
        assertEquals(Reason.REJECTED, c.reason());
        assertTrue(c.rule().endsWith(">mail"), c.rule());
    }
}
