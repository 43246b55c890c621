package io.bouncesweeper.cli;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notice kinds as the operator tools show them: classify's JSON and evaluate's kind-change line. */
class NoticeKindsCliTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    @Test
    void classifyPrintsTheNoticeKinds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ClassifyCommand.run(new String[]{
                FIXTURES.resolve("notice-postfix-delayed-4.4.1.eml").toString(),
                FIXTURES.resolve("notice-challenge-confirm-human.eml").toString(),
                FIXTURES.resolve("notice-mdn-displayed.eml").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertEquals(0, exit);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("\"kind\":\"delayed\"") && lines.get(0).contains("\"status\":\"4.4.1\"")
                && lines.get(0).contains("\"reason\":\"expired\"") && lines.get(0).contains("\"hard\":false"), lines.get(0));
        assertTrue(lines.get(1).contains("\"kind\":\"challenge\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"kind\":\"receipt\""), lines.get(2));
    }

    @Test
    void kindChangesCountBounceRowsNowNotices() {
        KindChanges k = new KindChanges();
        Manifest.Row expired = new Manifest.Row("a.eml", 1, "4.4.7", "", "expired", "0", "Postfix", "a@example.org");
        Manifest.Row unknown = new Manifest.Row("b.eml", 1, "5.1.1", "550", "userunknown", "1", "Postfix", "b@example.org");
        Manifest.Row vacation = new Manifest.Row("c.eml", 1, "", "", "vacation", "0", "RFC3834", "c@example.org");
        DeliveryRecord delay = DeliveryRecord.builder(RecordKind.DELAYED).recipient("a@example.org").build();
        DeliveryRecord bounce = DeliveryRecord.builder(RecordKind.BOUNCE).recipient("b@example.org").build();

        k.records(List.of(delay));
        k.records(List.of(bounce));
        k.row(expired, delay);
        k.row(unknown, bounce);
        k.row(vacation, null);

        assertEquals(2, k.expectedBounces());
        assertEquals(1, k.changedRows());
        assertEquals(Map.of("delayed", 1), k.changedByKind());
        assertEquals(Map.of("delayed", 1), k.noticeRecords());
        assertTrue(k.line().startsWith("1 of 2 bounce rows are now delayed/challenge/receipt"), k.line());
    }
}
