package io.bouncesweeper.cli;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.BounceParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {

    /** Each mail's body is its diagnostic; "none" yields no record, "ARF" a complaint. */
    private static final BounceParser STUB = raw -> {
        String body = new String(raw, StandardCharsets.UTF_8).trim();
        if (body.equals("none")) {
            return new ParsedMessage(ParseOutcome.NOT_A_REPORT, null, null, null, List.of(), null);
        }
        RecordKind kind = body.equals("ARF") ? RecordKind.COMPLAINT : RecordKind.BOUNCE;
        DeliveryRecord r = DeliveryRecord.builder(kind).recipient("A@example.org").replyCode("550").status("5.1.1")
                .diagnostic(body).build();
        return new ParsedMessage(ParseOutcome.PARSED, null, null, null, List.of(r), null);
    };

    private static Path corpus(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("emails"));
        Files.writeString(dir.resolve("emails/1.eml"), "550 5.1.1 user unknown");
        Files.writeString(dir.resolve("emails/2.eml"), "550 5.1.1 mailbox full");
        Files.writeString(dir.resolve("emails/3.eml"), "none");
        Files.writeString(dir.resolve("emails/4.eml"), "ARF");
        Files.writeString(dir.resolve("manifest.tsv"), String.join("\n",
                "file\tindex\tstatus\treplycode\treason\thardbounce\tlhost\trecipient",
                "emails/1.eml\t1\t5.1.1\t550\tuserunknown\t1\tPostfix\ta@example.org",
                "emails/2.eml\t1\t5.0.910\t550\tfiltered\t0\tPostfix\ta@example.org",
                "emails/3.eml\t0\t\t\tnotbounce\t\t-\t",
                "emails/4.eml\t1\t\t\tfeedback\t0\tARF\ta@example.org", ""));
        return dir;
    }

    @Test
    void scoresEachMeasureAndListsMisses(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = EvaluateCommand.run(new String[]{corpus(dir).toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), STUB);

        String summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit);
        assertTrue(summary.contains("reason (all labeled rows)                 66.67 % (2/3)"), summary);
        assertTrue(summary.contains("status (rows with a real status)         100.00 % (1/1)"), summary); // X.0.9NN not scored
        assertTrue(summary.contains("non-bounce reported as none              100.00 % (1/1)"), summary);
        assertTrue(summary.contains("feedback reported as complaint           100.00 % (1/1)"), summary);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("MISS emails/2.eml #1 [[reason]] expected 5.0.910 550 filtered"));
    }

    @Test
    void ratchetBelowItsMinimumFails(@TempDir Path dir) throws IOException {
        Path ratchet = dir.resolve("ratchet.properties");
        Files.writeString(ratchet, "reason=90\nstatus=100\n");

        int exit = EvaluateCommand.run(new String[]{corpus(dir).toString(), "--ratchet", ratchet.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), STUB);

        assertEquals(1, exit);
    }

    @Test
    void unknownOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertEquals(2, EvaluateCommand.run(new String[]{"dir", "--bogus", "x"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), STUB));
        assertTrue(err.toString().contains("unknown option --bogus"));
    }
}
