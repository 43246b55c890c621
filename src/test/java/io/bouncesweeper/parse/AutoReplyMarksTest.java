package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What marks an auto-reply (RFC 3834 and the vendors' conventions), and what does not: the same
 * marks on a system account's mail (postmaster, mailer daemon, root) are no vacation notice.
 */
class AutoReplyMarksTest {
    private final DefaultBounceParser parser = new DefaultBounceParser();

    private ParsedMessage parse(String from, String subject, String extraHeader) {
        String mail = "From: " + from + "\r\n"
                + "To: news@bouncesweeper.test\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <ar-1@mail.example>\r\n"
                + (extraHeader.isEmpty() ? "" : extraHeader + "\r\n")
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "I am away until Monday and will read your message then.\r\n";
        return parser.parse(mail.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted: auto-replied      | Weekly offers",
            "X-Autoreply: yes                  | Weekly offers",
            "X-Autorespond: Weekly offers      | Weekly offers",
            "Precedence: auto_reply            | Weekly offers",
            "X-Apple-Action: vacation          | Weekly offers",
            "X-Auto-Response-Suppress: All     | Automatic reply: Weekly offers"})
    void aHeaderMarksAnAutoReply(String header, String subject) {
        assertAutoReplyFrom(parse("Grace <grace@example.com>", subject, header.strip()), "grace@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Automatic reply: Weekly offers",
            "Automatische Antwort: Weekly offers",
            "Réponse automatique : Weekly offers",
            "Respuesta automática: Weekly offers",
            "Automatisch antwoord: Weekly offers",
            "Automatiskt svar: Weekly offers",
            "Odpowiedź automatyczna: Weekly offers",
            "Автоматический ответ: Weekly offers",
            "自動応答: Weekly offers",
            "自动回复: Weekly offers",
            "자동 회신: Weekly offers",
            "Out of Office: Weekly offers",
            "Auto: Weekly offers"})
    void outlooksLocalizedSubjectsMarkAnAutoReply(String subject) {
        assertAutoReplyFrom(parse("grace@example.com", subject, ""), "grace@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postmaster@mail.example", "MAILER-DAEMON@mail.example", "root@mail.example"})
    void aSystemAccountsMailIsNoAutoReply(String from) {
        ParsedMessage m = parse(from, "Automatic reply: Weekly offers", "Auto-Submitted: auto-replied");
        assertThat(m.records()).noneMatch(r -> r.kind() == RecordKind.AUTOREPLY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Weekly offers", "Re: your question about automation", "Auto insurance quote"})
    void ordinaryMailIsNoAutoReply(String subject) {
        assertThat(parse("grace@example.com", subject, "").records()).isEmpty();
    }

    private static void assertAutoReplyFrom(ParsedMessage m, String sender) {
        assertThat(m.records()).hasSize(1);
        DeliveryRecord r = m.records().get(0);
        assertThat(r.kind()).isEqualTo(RecordKind.AUTOREPLY);
        assertThat(r.recipient()).isEqualTo(sender);
    }
}
