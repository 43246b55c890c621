package io.bouncesweeper.smtp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SmtpEvidenceTest {
    @Test
    void statusStandsAloneOrIsNoStatus() {
        assertEquals("5.1.1", Status.first("550 5.1.1 <a@b.example>: user unknown"));
        assertNull(Status.first("Postfix v4.6.1 on 1.5.0.3"));
        assertNull(Status.first("relay 5.1.1.2 refused"));
        assertEquals("2.0.0", Status.first("250 2.0.0 Ok, then 550 5.7.1 denied"));
        assertEquals("5.7.1", Status.firstFailure("250 2.0.0 Ok, then 550 5.7.1 denied"));
        assertEquals("5.1.1", Status.field("5.1.1 (user unknown)"));
        assertNull(Status.field("see 5.1.1"));
    }

    @Test
    void theRemoteServersStatusIsTheLastAfterAReplyCode() {
        assertEquals("5.2.2", Status.lastAfterReply("delivery failed 5.0.0; remote said 550-'5.2.2 mailbox full'"));
        assertNull(Status.lastAfterReply("status 5.1.1 without a reply code"));
    }

    @Test
    void replyCodesWhereAReplyStarts() {
        assertEquals("550", Reply.leading("<550-5.7.1 blocked"));
        assertEquals("554", Reply.find("host x[192.0.2.1] said: 554 rejected"));
        assertNull(Reply.opening("5500 text"));
        assertEquals("550", Reply.lastPair("250 2.1.5 ok 550 5.1.1 unknown").replyCode());
        assertEquals("421", Reply.lastFailure("first 450 busy\n421 closing"));
        assertEquals("550 5.7.1 messages with multiple addresses",
                Reply.withoutContinuationCodes("550 5.7.1 messages with multiple 550-5.7.1 addresses"));
    }

    @Test
    void theRefusedCommandByEachWayOfNamingIt() {
        assertEquals("RCPT", Command.sent("RCPT To:<a@b.example>"));
        assertEquals("DATA", Command.sent("."));
        assertEquals("DATA", Command.inWording("550 rejected (in reply to end of DATA command)"));
        assertEquals("CONNECT", Command.inWording("connection refused by mx.example"));
        assertEquals("RCPT", Command.inWording("SMTP:RCPT host mx.example: 553 no such user"));
        assertEquals("MAIL", Command.standardPhrase("refused in reply to mail\n  from command"));
        assertNull(Command.standardPhrase("during the night"));
        assertEquals("DATA", Command.lastNamed(">>> rcpt to:<a@b> <<< 250 ok >>> data <<< 554 no",
                List.of(new Command.Phrase(">>> rcpt to", "RCPT"), new Command.Phrase(">>> data", "DATA"))));
    }

    @Test
    void whiteSpaceFoldedAsServersWrap() {
        assertEquals("a b c", Squash.of(" a\r\n\tb  c "));
        assertEquals("user unknown", Squash.lowered("User\u00a0\r\n Unknown"));
        assertEquals(true, Squash.contains("in reply to\n   rcpt to", "in reply to rcpt to"));
    }
}
