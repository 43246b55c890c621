package io.bouncesweeper.parse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextReportCommandTest {

    private static String commandAbout(String notification, String address) {
        return TextReport.commandAbout(new TextReport.Lines(notification), address);
    }

    @Test
    void postfixParagraphNamesTheCommandOnAWrappedLine() {
        String text = """
                <a@example.org>: host mx.example.org[192.0.2.1] said: 550 5.2.1
                    <a@example.org>... User Unknown (in reply to RCPT TO
                    command)

                <b@example.org>: host mx.example.org[192.0.2.1] said: 550 Unknown user
                    b@example.org (in reply to end of DATA command)
                """;

        assertEquals("RCPT", commandAbout(text, "a@example.org"));
        assertEquals("DATA", commandAbout(text, "b@example.org"));
    }

    @Test
    void transcriptCommandAnsweredByAnError() {
        String text = """
                ... while talking to mx.example.org.:
                >>> RCPT TO:<a@example.org>
                <<< 553 Invalid recipient a@example.org (Mode: normal)
                >>> DATA
                <<< 550 Unknown user b@example.org
                """;

        assertEquals("RCPT", commandAbout(text, "a@example.org"));
        assertEquals("DATA", commandAbout(text, "b@example.org"));
    }

    @Test
    void noCommandNamedIsNull() {
        String accepted = """
                >>> RCPT TO:<a@example.org>
                <<< 250 2.1.5 Ok
                """;

        assertNull(commandAbout("<a@example.org>: 550 User unknown\n", "a@example.org"));
        assertNull(commandAbout(accepted, "a@example.org"));
    }
}
