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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Files 1 to 5 fall in half A, 8 in half B (CRC-32 of the name: even A, odd B). */
    private static Path corpus(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("emails"));
        Files.writeString(dir.resolve("emails/1.eml"), "550 5.1.1 user unknown");
        Files.writeString(dir.resolve("emails/2.eml"), "550 5.1.1 mailbox full");
        Files.writeString(dir.resolve("emails/3.eml"), "none");
        Files.writeString(dir.resolve("emails/4.eml"), "ARF");
        Files.writeString(dir.resolve("emails/5.eml"), "none");
        Files.writeString(dir.resolve("emails/8.eml"), "550 5.1.1 user unknown");
        Files.writeString(dir.resolve("manifest.tsv"), String.join("\n",
                "file\tindex\tstatus\treplycode\treason\thardbounce\tlhost\trecipient",
                "emails/1.eml\t1\t5.1.1\t550\tuserunknown\t1\tPostfix\ta@example.org",
                "emails/2.eml\t1\t5.0.910\t550\tfiltered\t0\tPostfix\ta@example.org",
                "emails/3.eml\t0\t\t\tnotbounce\t\t-\t",
                "emails/4.eml\t1\t\t\tfeedback\t0\tARF\ta@example.org",
                "emails/5.eml\t1\t5.1.1\t550\tuserunknown\t1\tPostfix\ta@example.org",
                "emails/8.eml\t1\t5.2.2\t552\tmailboxfull\t0\tPostfix\ta@example.org", ""));
        return dir;
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EvaluateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), STUB);
        return new String[]{String.valueOf(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void scoresEachMeasureForBothHalvesAndTheWhole(@TempDir Path dir) throws IOException {
        String[] r = run(corpus(dir).toString());

        String summary = r[1];
        assertEquals("0", r[0]);
        assertTrue(summary.contains("half A: 5") && summary.contains("half B: 1"), summary);
        assertTrue(summary.matches("(?s).*reason \\(all labeled rows\\) +50\\.00 % \\(2/4\\) +0\\.00 % \\(0/1\\) +40\\.00 % \\(2/5\\)\n.*"), summary);
        assertTrue(summary.matches("(?s).*status \\(rows with a real status\\) +50\\.00 % \\(1/2\\) +0\\.00 % \\(0/1\\) +33\\.33 % \\(1/3\\)\n.*"), summary); // X.0.9NN not scored
        assertTrue(summary.matches("(?s).*non-bounce reported as none +100\\.00 % \\(1/1\\).*"), summary);
        assertTrue(summary.matches("(?s).*feedback reported as complaint +100\\.00 % \\(1/1\\).*"), summary);
    }

    @Test
    void decisionFiguresCountGoodAddressesSuppressedAndDeadOnesKept(@TempDir Path dir) throws IOException {
        String summary = run(corpus(dir).toString())[1];

        // A: 1 suppressed as labeled, 2 soft as labeled, 3 and 4 none, 5 (userunknown, no record) kept.
        // B: 8 is a full mailbox (soft) read as an unknown user: a good address suppressed.
        assertTrue(summary.matches("(?s).*list decision agrees +80\\.00 % \\(4/5\\) +0\\.00 % \\(0/1\\) +66\\.67 % \\(4/6\\)\n.*"), summary);
        assertTrue(summary.matches("(?s).*good address suppressed \\(lower is better\\) +0\\.00 % \\(0/3\\) +100\\.00 % \\(1/1\\) +25\\.00 % \\(1/4\\)\n.*"), summary);
        assertTrue(summary.matches("(?s).*dead address not suppressed \\(lower is better\\) +50\\.00 % \\(1/2\\) +0\\.00 % \\(0/0\\) +50\\.00 % \\(1/2\\)\n.*"), summary);
    }

    @Test
    void missesOfHalfAreListedOnlyWhenAskedAndHalfBNever(@TempDir Path dir) throws IOException {
        Path c = corpus(dir);

        String[] quiet = run(c.toString());
        String[] listed = run(c.toString(), "--misses", "A");
        String[] refused = run(c.toString(), "--misses", "B");

        assertFalse(quiet[2].contains("MISS"), quiet[2]);
        assertTrue(quiet[1].matches("(?s).*rows missing any measure +2 +1 +3\n.*"), quiet[1]);
        assertTrue(listed[2].contains("MISS emails/2.eml #1 [[reason]] expected 5.0.910 550 filtered"), listed[2]);
        assertTrue(listed[2].contains("MISS emails/5.eml #1 [[reason, hardsoft, status, replycode, recipient, decision, deadkept]]"), listed[2]);
        assertFalse(listed[2].contains("8.eml"), listed[2]);
        assertEquals("2", refused[0]);
        assertTrue(refused[2].contains("--misses takes A only"), refused[2]);
    }

    @Test
    void halfMissesGoToAFileWhenNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("misses.txt");

        String[] r = run(corpus(dir).toString(), "--misses", "A", "--misses-file", file.toString());

        assertEquals("0", r[0]);
        String misses = Files.readString(file);
        assertTrue(misses.contains("MISS emails/2.eml"), misses);
        assertFalse(misses.contains("8.eml"), misses);
    }

    @Test
    void ratchetBelowItsMinimumFails(@TempDir Path dir) throws IOException {
        Path ratchet = dir.resolve("ratchet.properties");
        Files.writeString(ratchet, "reason=90\nstatus=100\n");

        assertEquals("1", run(corpus(dir).toString(), "--ratchet", ratchet.toString())[0]);
    }

    @Test
    void ratchetHoldsTheMeasuresOfHarmAsMaximums(@TempDir Path dir) throws IOException {
        Path loose = dir.resolve("loose.properties");
        Path tight = dir.resolve("tight.properties");
        Files.writeString(loose, "goodsuppressed=25.00\ndeadkept=50.00\ndecision=66.66\n");
        Files.writeString(tight, "goodsuppressed=24.99\n");
        Path c = corpus(dir);

        String[] held = run(c.toString(), "--ratchet", loose.toString());
        String[] broken = run(c.toString(), "--ratchet", tight.toString());

        assertEquals("0", held[0], held[2]);
        assertEquals("1", broken[0]);
        assertTrue(broken[2].contains("RATCHET goodsuppressed: 25.00 % is above the ratchet's 24.99 %"), broken[2]);
    }

    @Test
    void writtenRatchetRoundsTowardsTheSafeSide(@TempDir Path dir) throws IOException {
        Path ratchet = dir.resolve("written.properties");

        run(corpus(dir).toString(), "--write-ratchet", ratchet.toString());

        String text = Files.readString(ratchet);
        assertTrue(text.contains("decision=66.66\n"), text);     // a minimum: rounded down
        assertTrue(text.contains("goodsuppressed=25.00\n"), text);
        assertTrue(text.contains("reason=40.00\n"), text);
        assertEquals("0", run(corpus(dir).toString(), "--ratchet", ratchet.toString())[0]);
    }

    @Test
    void unknownOptionIsAUsageError() {
        String[] r = run("dir", "--bogus", "x");

        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown option --bogus"));
    }
}
