package io.bouncesweeper.cli;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.BounceParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifyCommandTest {

    /** Stands in for the parser: a mail whose body says "unknown" yields one bounce record, anything else none. */
    private static final BounceParser STUB = raw -> {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (!text.contains("unknown")) {
            return new ParsedMessage(ParseOutcome.NOT_A_REPORT, null, null, null, List.of(), null);
        }
        DeliveryRecord r = DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a\"b@example.org")
                .status("5.1.1").replyCode("550").diagnostic("550 5.1.1 user unknown").build();
        return new ParsedMessage(ParseOutcome.PARSED, null, null, null, List.of(r), null);
    };

    @Test
    void printsOneJsonLinePerRecordAndNoneForFilesWithout(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.eml"), "user unknown");
        Files.writeString(dir.resolve("a.eml"), "hello");
        Files.writeString(dir.resolve("ignored.txt"), "user unknown");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ClassifyCommand.run(new String[]{dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), STUB);

        assertEquals(0, exit);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "{\"file\":\"" + dir + "/a.eml\",\"index\":1,\"kind\":\"none\"}",
                "{\"file\":\"" + dir + "/sub/b.eml\",\"index\":1,\"kind\":\"bounce\",\"recipient\":\"a\\\"b@example.org\","
                        + "\"status\":\"5.1.1\",\"replyCode\":\"550\",\"reason\":\"userunknown\",\"hard\":true,"
                        + "\"action\":\"remove\",\"rule\":\"phrase:userunknown:\\\"user unknown\\\"\"}"), lines);
    }

    @Test
    void missingFileIsReportedOnStderrOnly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ClassifyCommand.run(new String[]{"/nonexistent/x.eml"}, new PrintStream(out), new PrintStream(err), STUB);

        assertEquals(1, exit);
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("/nonexistent/x.eml"));
    }

    @Test
    void noArgumentsIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertEquals(2, ClassifyCommand.run(new String[0], new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), STUB));
        assertTrue(err.toString().startsWith("usage: classify"));
    }

    @Test
    void quotesBackslashesAndControlsStayOnOneLineAndReadBackUnchanged(@TempDir Path dir) throws IOException {
        String recipient = "a\"b\\c\n\t\u0001é@example.org";
        BounceParser parser = raw -> new ParsedMessage(ParseOutcome.PARSED, null, null, null,
                List.of(DeliveryRecord.builder(RecordKind.BOUNCE).recipient(recipient).status("5.1.1").build()), null);
        Files.writeString(dir.resolve("a.eml"), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ClassifyCommand.run(new String[]{dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), parser);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size());
        assertEquals(recipient, JsonMapper.builder().build().readTree(lines.get(0)).path("recipient").stringValue());
    }
}
