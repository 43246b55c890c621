package io.bouncesweeper.parse;

import io.bouncesweeper.smtp.Command;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.smtp.Status;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextScannersTest {
    @Test
    void findStatusReplyAddressAndCommandInFreeText() {
        assertEquals("5.1.1", Status.first("smtp; 550 5.1.1 <a@b.c>: user unknown"));
        assertNull(Status.first("host 192.168.1.1 said 550"));
        assertEquals("550", Reply.find("550-5.7.1 [1.2.3.4] blocked"));
        assertEquals("554", Reply.find("host x[1.2.3.4] said: 554 rejected"));
        assertEquals("a.b@c.example", Text.findAddress("rfc822; <a.b@c.example>"));
        assertEquals("RCPT", Command.inWording("(in reply to RCPT TO command)"));
        assertEquals("RCPT", Command.inWording("Technical details: SMTP:RCPT host 192.0.2.1: 553 5.3.0 <a@b.example>... No such user here"));
        assertEquals("DATA", Command.inWording("SMTP:DATA host mx.example.net: 554 rejected"));
        assertNull(Command.inWording("smtp; 550 5.1.1 user unknown"));
        assertNull(Command.inWording("SMTP:RCPTX host mx.example.net: 550 no"));
    }
}
