package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.store.ReasonGroup;
import io.bouncesweeper.store.ReasonGroups;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows of providers.tsv taken from Sisimai's Rhost modules and the vendors' code pages, each written
 * from the documented code or wording (not from sample mail). The list group is asserted too: a
 * provider's verdict on the sender's IP, rate or authentication must never count against the recipient.
 */
class ProviderRhostRulesTest {
    private static final DefaultBounceClassifier CLASSIFIER = new DefaultBounceClassifier();
    private static final ReasonGroups GROUPS = ReasonGroups.builtIn();

    @ParameterizedTest(name = "{0}: {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // Facebook postmaster response codes
            "facebook    | mx-out.facebook.com          | 550 | 5.1.1 | 5.1.1 RCP-P1 The attempted recipient address does not exist | userunknown   | recipient",
            "facebook    | mx-out.facebook.com          | 550 | 5.7.1 | 5.7.1 POL-P1 Your mail server's IP address is listed on the Spamhaus PBL | blocked | sender",
            "facebook    | mx-out.facebook.com          | 451 | 4.7.1 | 4.7.1 CON-T3 Too many new connections in a short period | ratelimited | sender",
            "facebook    | mx-out.facebook.com          | 550 | 5.7.1 | 5.7.1 POL-P7 Message does not comply with domain authentication requirements | authfailure | sender",
            "facebook    | mx-out.facebook.com          | 550 | 5.2.1 | 5.2.1 RCP-T4 The recipient address is currently deactivated | suspend | recipient",
            "facebook    | mx-out.facebook.com          | 550 | 5.7.1 | 5.7.1 DNS-P3 Your mail server does not have a reverse DNS record | requireptr | sender",
            // Cloudflare Email Routing postmaster page
            "cloudflare  | route1.mx.cloudflare.net     | 554 | 5.7.1 | 5.7.1 192.0.2.1 found on one or more DNSBLs (abusixip) | blocked | sender",
            "cloudflare  | route2.mx.cloudflare.net     | 451 | 4.3.0 | 4.3.0 Upstream error, please try again later | systemerror | soft",
            // Zoho Mail
            "zoho        | mx.zoho.com                  | 550 | 5.1.1 | 5.1.1 User does not exist - <a@example.org> | userunknown | recipient",
            "zoho        | mx.zoho.eu                   | 550 | 5.7.1 | 5.7.1 Email rejected per DMARC policy for example.com | authfailure | sender",
            "zoho        | mx.zoho.com                  | 451 | 4.7.1 | 4.7.1 Greylisted, try again after some time | blocked | sender",
            "zoho        | mx.zoho.com                  | 552 | 5.7.1 | 5.7.1 virus Eicar detected by Zoho Mail | virusdetected | sender",
            // Broadcom Email Security.cloud (MessageLabs) bounce code article
            "messagelabs | cluster1.eu.messagelabs.com  | 553 | 5.7.1 | 553-mail rejected because your IP is in the PBL | blocked | sender",
            "messagelabs | cluster1.eu.messagelabs.com  | 550 | 5.1.1 | 550-Invalid recipient <a@example.org> (#5.1.1) | userunknown | recipient",
            "messagelabs | cluster1.eu.messagelabs.com  | 553 | 5.7.1 | 553 DMARC domain authentication fail | authfailure | sender",
            "messagelabs | cluster1.eu.messagelabs.com  | 452 | 4.3.0 | 452 Too many recipients received this hour | ratelimited | sender",
            // Google Workspace DSN wording (GSuite module)
            "gmail       | mx.googlemail.com            | 550 | 5.1.1 | The email account that you tried to reach does not exist; delivery failed because the address couldn't be found | userunknown | recipient",
            "gmail       | mx.googlemail.com            | 550 | 5.1.2 | DNS type 'mx' lookup of example.org responded with code NXDOMAIN | hostunknown | recipient",
            // Google's SMTP error reference: the sender's null MX and submission limits are the sender's
            "gmail       | gmail-smtp-in.l.google.com   | 550 | 5.7.27 | 5.7.27 Your email has been blocked because the sender's domain has a null MX record | rejected | sender",
            "gmail       | gmail-smtp-in.l.google.com   | 421 | 4.7.24 | 4.7.24 The SPF record of the sending domain has one or more suspicious entries | authfailure | sender",
            "gmail       | gmail-smtp-in.l.google.com   | 550 | 5.7.0  | 5.7.0 Mail relay denied 192.0.2.1 | norelaying | sender",
            "gmail       | gmail-smtp-in.l.google.com   | 550 | 5.2.1  | 5.2.1 The email account that you tried to reach is inactive | suspend | recipient",
            // Exchange Online NDR reference
            "microsoft   | example-org.mail.protection.outlook.com | 554 | 5.2.2 | 5.2.2 Submission quota exceeded | ratelimited | sender",
            "microsoft   | example-org.mail.protection.outlook.com | 550 | 5.7.510 | 5.7.510 Access denied, example.org does not accept email over IPv6 | blocked | sender",
            "microsoft   | example-org.mail.protection.outlook.com | 550 | 5.7.133 | 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; sender not authenticated for group | rejected | sender",
            "microsoft   | example-org.mail.protection.outlook.com | 550 | 5.7.505 | 5.7.505 Access denied, banned recipient | suspend | recipient",
            "microsoft   | example-org.mail.protection.outlook.com | 550 | 5.7.950 | 5.7.950 Delivery not authorized, message refused | policyviolation | sender",
            // Yahoo's SMTP error codes
            "yahoo       | mta7.am0.yahoodns.net        | 553 | 5.7.1 | 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list | blocked | sender",
            "yahoo       | mta7.am0.yahoodns.net        | 554 | 5.7.9 | 5.7.9 Message not accepted for policy reasons | policyviolation | sender",
            // Mimecast SMTP error codes, Cox postmaster page
            "mimecast    | eu-smtp-inbound-1.mimecast.com | 501 | 5.1.3 | 501 Invalid address | userunknown | recipient",
            "mimecast    | eu-smtp-inbound-1.mimecast.com | 451 | 4.3.2 | 451 Unable to process command | systemerror | soft",
            "cox         | cxr.mx.a.cox.net             | 421 | 4.7.0 | 421 4.7.0 Requested action aborted: try again later | ratelimited | sender",
            // Outlook.com (Outlook module), after every documented Microsoft code
            "microsoft   | mx1.hotmail.com              | 550 | 5.5.0 | 5.5.0 Requested action not taken: mailbox unavailable | userunknown | recipient",
    })
    void providerRowDecides(String provider, String mta, String reply, String status, String text,
                            String reason, String group) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .replyCode(reply).status(status).diagnostic(reply + " " + text)
                .remoteMta("dns; " + mta).build());
        assertEquals(Reason.ofCode(reason), c.reason(), c.rule());
        assertTrue(c.rule().startsWith("provider:" + provider + ":"), c.rule());
        assertEquals(ReasonGroup.ofCode(group), GROUPS.decide(c.reason(), c.status(), c.bounceClass()));
    }
}
