package io.bouncesweeper.parse;

import io.bouncesweeper.domain.ParsedMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input: corpus mails truncated, bit-flipped, stripped of boundaries, given a 2 MB header
 * line or wrapped in deep nesting (fixed seed, so a failure reproduces), plus a generated
 * 1,000-deep multipart. Every call must return an outcome, never throw, within a time bound.
 */
class RobustnessTest {
    /** CPU time of the parsing thread: the bound catches super-linear parsing, whatever the machine's load. */
    private static final Duration PER_MESSAGE_CPU = Duration.ofSeconds(2);
    /** Wall time only stops a hang; on a loaded two-core machine a fast parse can wait seconds for a core. */
    private static final Duration PER_MESSAGE_WALL = Duration.ofSeconds(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SEED = 20261127L;

    private final BounceParser parser = new DefaultBounceParser();

    private void parsesInTime(byte[] mail, String what) {
        long[] cpuNanos = new long[1];
        ParsedMessage m = assertTimeoutPreemptively(PER_MESSAGE_WALL, () -> {
            long start = THREADS.getCurrentThreadCpuTime();
            ParsedMessage parsed = parser.parse(mail);
            cpuNanos[0] = THREADS.getCurrentThreadCpuTime() - start;
            return parsed;
        }, what);
        assertTrue(cpuNanos[0] <= PER_MESSAGE_CPU.toNanos(),
                what + ": parsing took " + cpuNanos[0] / 1_000_000 + " ms of CPU, bound " + PER_MESSAGE_CPU.toMillis() + " ms");
        assertNotNull(m.outcome(), what);
        // parse() turns internal exceptions into UNPARSED; here none may happen at all
        assertFalse(m.error() != null && m.error().startsWith("parser failure"), what + ": " + m.error());
    }

    @Test
    void thousandDeepMultipart() {
        StringBuilder b = new StringBuilder("From: a@b.example\nSubject: deep\n");
        for (int i = 0; i < 1000; i++) {
            b.append("Content-Type: multipart/mixed; boundary=\"d").append(i).append("\"\n\n--d").append(i).append('\n');
        }
        b.append("Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; x@y.example\nStatus: 5.1.1\n");
        for (int i = 999; i >= 0; i--) {
            b.append("--d").append(i).append("--\n");
        }
        parsesInTime(b.toString().getBytes(StandardCharsets.US_ASCII), "1000-deep multipart");
    }

    @Test
    void thousandDeepEnclosedMessages() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            b.append("Subject: level ").append(i).append("\nContent-Type: message/rfc822\n\n");
        }
        b.append("Subject: bottom\n\nbody\n");
        parsesInTime(b.toString().getBytes(StandardCharsets.US_ASCII), "1000-deep message/rfc822");
    }

    @Test
    void manyPartsAndHugeHeader() {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@x.example\nX-Big: ");
        b.append("a".repeat(2 * 1024 * 1024)).append("\nContent-Type: multipart/report; boundary=b\n\n");
        for (int i = 0; i < 5000; i++) {
            b.append("--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; u").append(i)
                    .append("@y.example\nAction: failed\nStatus: 5.1.1\n\n");
        }
        parsesInTime(b.toString().getBytes(StandardCharsets.US_ASCII), "5000 parts, 2 MB header");
    }

    @Test
    void adversarialTextBounces() {
        String head = "From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail Returned to Sender\n";
        // one 300 KB line of addresses, 100 000 lines with an address each, 200 000 empty lines
        String oneLine = head + "Content-Type: text/plain\n\n" + "a@b.example ".repeat(25_000) + "\n";
        String manyLines = head + "Content-Type: text/plain\n\n" + "<u@v.example>: 550 5.1.1 unknown\n".repeat(100_000);
        String empty = head + "Content-Type: text/plain\n\n" + "\n".repeat(200_000) + "x@y.example 550\n";
        String amp = head + "Content-Type: text/html\n\n" + "&".repeat(300_000);
        String atNoSpace = head + "Content-Type: text/plain\n\n" + "@a.example".repeat(30_000);
        for (String s : List.of(oneLine, manyLines, empty, amp, atNoSpace)) {
            parsesInTime(s.getBytes(StandardCharsets.US_ASCII), s.substring(0, 120));
        }
    }

    @Test
    void reportWithThousandsOfRecipientsAndText() {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@x.example\nContent-Type: multipart/report; boundary=b\n\n--b\n\n");
        for (int i = 0; i < 3000; i++) b.append("u").append(i).append("@y.example: host said: 550 no\n");
        b.append("--b\nContent-Type: message/delivery-status\n\n");
        for (int i = 0; i < 3000; i++) b.append("Final-Recipient: rfc822; u").append(i).append("@y.example\nAction: failed\n\n");
        b.append("--b--\n");
        parsesInTime(b.toString().getBytes(StandardCharsets.US_ASCII), "3000 recipients without codes");
    }

    @Test
    void bounceWithLargeOriginalStaysCheap() {
        String dsn = new String(Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml"), StandardCharsets.ISO_8859_1);
        StringBuilder original = new StringBuilder("Content-Type: multipart/mixed; boundary=att\n\n");
        for (int i = 0; i < 40; i++) {
            original.append("--att\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n")
                    .append("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\n".repeat(800));
        }
        original.append("--att--\n");
        String mail = dsn.replace("\nHello, this is the newsletter.\n", original.toString());
        byte[] bytes = mail.getBytes(StandardCharsets.ISO_8859_1);
        parsesInTime(bytes, "DSN with a " + bytes.length / 1024 + " KB original");
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertEquals("5.1.1", parser.parse(bytes).records().get(0).status());
        }
        System.out.printf("DSN with %d KB original: %.2f ms per parse%n", bytes.length / 1024, (System.nanoTime() - t0) / 20 / 1e6);
    }

    @Test
    void fixturesSurviveEveryTruncation() {
        byte[] mail = Fixtures.bytes("dsn-550-5.1.1-multi-recipient.eml");
        for (int cut = 0; cut <= mail.length; cut += 7) {
            parsesInTime(Arrays.copyOf(mail, cut), "truncated at " + cut);
        }
    }

    @Test
    void mutatedCorpusNeverThrows() throws IOException {
        Assumptions.assumeTrue(CorpusScore.available(),
                "Sisimai corpus not found at " + CorpusScore.CORPUS.toAbsolutePath() + ": skipping corpus mutations");
        Random random = new Random(SEED);
        int calls = 0;
        for (byte[] mail : CorpusScore.emails(CorpusScore.manifest()).values()) {
            for (Mutation m : Mutation.values()) {
                byte[] mutated = m.apply(mail, random);
                parsesInTime(mutated, m + " (" + mail.length + " bytes)");
                calls++;
            }
        }
        assertEquals(true, calls > 0);
    }

    enum Mutation {
        TRUNCATE {
            byte[] apply(byte[] b, Random r) {
                return Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            }
        },
        FLIP_BYTES {
            byte[] apply(byte[] b, Random r) {
                byte[] c = b.clone();
                for (int i = 0; i < 1 + c.length / 200 && c.length > 0; i++) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
                return c;
            }
        },
        REMOVE_BOUNDARIES {
            byte[] apply(byte[] b, Random r) {
                String s = new String(b, StandardCharsets.ISO_8859_1).replace("\n--", "\n");
                return s.getBytes(StandardCharsets.ISO_8859_1);
            }
        },
        HUGE_HEADER_LINE {
            byte[] apply(byte[] b, Random r) {
                byte[] line = ("X-Huge: " + "x".repeat(2 * 1024 * 1024) + "\n").getBytes(StandardCharsets.ISO_8859_1);
                byte[] c = new byte[line.length + b.length];
                System.arraycopy(line, 0, c, 0, line.length);
                System.arraycopy(b, 0, c, line.length, b.length);
                return c;
            }
        },
        DEEP_NESTING {
            byte[] apply(byte[] b, Random r) {
                StringBuilder head = new StringBuilder("From: MAILER-DAEMON@x.example\n");
                List<String> tails = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    head.append("Content-Type: multipart/mixed; boundary=n").append(i).append("\n\n--n").append(i).append('\n');
                    tails.add("\n--n" + i + "--\n");
                }
                head.append("Content-Type: message/rfc822\n\n");
                StringBuilder s = new StringBuilder(head).append(new String(b, StandardCharsets.ISO_8859_1));
                for (int i = tails.size() - 1; i >= 0; i--) s.append(tails.get(i));
                return s.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
        };

        abstract byte[] apply(byte[] b, Random r);
    }
}
