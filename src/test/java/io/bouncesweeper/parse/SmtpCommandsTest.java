package io.bouncesweeper.parse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SmtpCommandsTest {
    private static String[] lines(String text) {
        return text.split("\n");
    }

    @Test
    void transcriptRefusalAfterDataIsData() {
        String t = "... while talking to mx.example.org.:\n>>> DATA\n<<< 554 delivery error: this user doesn't have an account (a@example.org)\n554 5.0.0 Service unavailable\n";
        assertEquals("DATA", SmtpCommands.commandFor(lines(t), "a@example.org", true));
    }

    @Test
    void pipelinedRecipientRefusalBeforeDataReplyIsRcpt() {
        // PIPELINING: RCPT TO and DATA went out together; the 503 is DATA's reply, the 550 a recipient's
        String t = "... while talking to mx.example.org.:\n>>> DATA\n<<< 550 5.1.1 <a@example.org>... User Unknown\n"
                + "550 5.1.1 <a@example.org>... User unknown\n<<< 503 5.0.0 Need RCPT (recipient)\n";
        assertEquals("RCPT", SmtpCommands.commandFor(lines(t), "a@example.org", true));
    }

    @Test
    void multiLineReplyIsOneReply() {
        String t = ">>> DATA\n<<< 550-5.7.1 rejected for policy reasons\n<<< 550 5.7.1 see https://example.org\n";
        assertEquals("DATA", SmtpCommands.commandFor(lines(t), "a@example.org", true));
    }

    @Test
    void transcriptNamesCommandPerRecipient() {
        String t = ">>> RCPT To:<a@example.org>\n<<< 550 5.1.1 <a@example.org>... unknown\n>>> RCPT To:<b@example.org>\n"
                + "<<< 452 4.2.2 <b@example.org>... over quota\n";
        assertEquals("RCPT", SmtpCommands.commandFor(lines(t), "b@example.org", false));
    }

    @Test
    void labelledCommandLine() {
        String t = "a@example.org\n\n-------server message\n550 unknown user <a@example.org>\n\n-------SMTP command\nDATA\n";
        assertEquals("DATA", SmtpCommands.commandFor(lines(t), "a@example.org", true));
    }

    @Test
    void standardWordingOnTheRecipientsLines() {
        String t = "<a@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.1 content rejected (in reply to\n    end of DATA command)\n";
        assertEquals("DATA", SmtpCommands.commandFor(lines(t), "a@example.org", false));
    }

    @Test
    void nothingSaidNothingFilled() {
        assertNull(SmtpCommands.commandFor(lines("a@example.org\n550 user unknown\n"), "a@example.org", true));
    }
}
