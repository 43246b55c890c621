package io.bouncesweeper.robust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fixed-seed generator of hostile and broken mail: every message is a deterministic function of
 * its index, so a failure names a message that can be regenerated. JDK only, so the documented
 * Dovecot command can run it with {@code java -cp target/test-classes}.
 *
 * <p>Categories (count): truncated reports (120), invalid base64 (100), invalid quoted-printable
 * (100), unknown charsets (100), NUL bytes (100), CR/LF injection in addresses (100), SQL injection
 * strings (100), log injection strings (100), random binary (100), broken MIME structure (100), bare
 * CR / bare LF line ends (60), 1 MB header lines (5), multipart nested 1,000 deep (1), message/rfc822
 * nested 1,000 deep (1), 10,000 parts (1), 100,000 header fields (1), one 50 MB attachment (1).
 *
 * <pre>java -cp target/test-classes io.bouncesweeper.robust.HostileMail DIR   # writes DIR/NNNN-category.eml</pre>
 */
public final class HostileMail {
    public static final long SEED = 20261127L;
    /** The Message-ID of the SQL-injection messages: must be stored verbatim. */
    public static final String SQL_MESSAGE_ID = "<x'); DROP TABLE bounce_event; -- \"sqli\"@evil.test>";
    /** A valid address (' and = are atext) that is also SQL: stored as it is. */
    public static final String SQL_RECIPIENT = "o'brien'or'1'='1@example.com";
    /** The Diagnostic-Code text of the SQL message: stored as it is. */
    public static final String SQL_DIAGNOSTIC = "550 '); DELETE FROM recipient_state; -- \\' OR 1=1";
    /** A log line that hostile mail tries to forge; it must never start a line of the job's output. */
    public static final String FORGED_LOG_LINE = "00:00:00.000 ERROR SweepLauncher - FORGED by hostile mail";
    public static final int FIFTY_MB = 50 * 1024 * 1024;

    public record Message(int index, String category, byte[] bytes) {
        public String name() {
            return String.format("%04d-%s", index, category);
        }
    }

    /** Category → count, in generation order. */
    public static Map<String, Integer> plan() {
        Map<String, Integer> plan = new LinkedHashMap<>();
        plan.put("truncated", 120);
        plan.put("bad-base64", 100);
        plan.put("bad-qp", 100);
        plan.put("unknown-charset", 100);
        plan.put("nul-bytes", 100);
        plan.put("crlf-injection", 100);
        plan.put("sql-injection", 100);
        plan.put("log-injection", 100);
        plan.put("binary", 100);
        plan.put("broken-mime", 100);
        plan.put("bare-cr-lf", 60);
        plan.put("long-header", 5);
        plan.put("nested-multipart", 1);
        plan.put("nested-rfc822", 1);
        plan.put("many-parts", 1);
        plan.put("many-headers", 1);
        plan.put("huge-attachment", 1);
        return plan;
    }

    public static int count() {
        return plan().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** All messages, the 50 MB one included (about 56 MB in all); no two are byte-identical. */
    public static List<Message> all() {
        List<Message> all = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Integer> e : plan().entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                index++;
                all.add(new Message(index, e.getKey(), generate(e.getKey(), i, new Random(SEED * 31 + index))));
            }
        }
        return all;
    }

    static byte[] generate(String category, int i, Random r) {
        return switch (category) {
            case "truncated" -> truncated(i, r);
            case "bad-base64" -> badBase64(i, r);
            case "bad-qp" -> badQp(i, r);
            case "unknown-charset" -> unknownCharset(i, r);
            case "nul-bytes" -> nulBytes(i, r);
            case "crlf-injection" -> crlfInjection(i, r);
            case "sql-injection" -> sqlInjection(i);
            case "log-injection" -> logInjection(i);
            case "binary" -> binary(r);
            case "broken-mime" -> brokenMime(i, r);
            case "bare-cr-lf" -> bareLineEnds(i, r);
            case "long-header" -> longHeader(i, r);
            case "nested-multipart" -> nestedMultipart(1000);
            case "nested-rfc822" -> nestedRfc822(1000);
            case "many-parts" -> manyParts(10_000);
            case "many-headers" -> manyHeaders(100_000);
            case "huge-attachment" -> hugeAttachment(FIFTY_MB, r);
            default -> throw new IllegalArgumentException(category);
        };
    }

    // ------------------------------------------------------------------ a well-formed report to break

    static String dsn(String id, String headerExtra, String rcpt, String statusPartHeaders, String statusBody, String boundary) {
        return "Return-Path: <>\r\n"
                + "Date: Fri, 27 Nov 2026 21:00:05 +0000\r\n"
                + "From: MAILER-DAEMON@mta.hostile.test (Mail Delivery System)\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "To: news@bouncesweeper.test\r\n"
                + "Message-ID: <" + id + "@mta.hostile.test>\r\n"
                + headerExtra
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\r\n"
                + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "<" + rcpt + ">: host mx.example.net said: 550 5.1.1 User unknown\r\n"
                + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: message/delivery-status\r\n"
                + statusPartHeaders
                + "\r\n"
                + statusBody
                + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/rfc822-headers\r\n"
                + "\r\n"
                + "Message-ID: <orig-" + id + "@bouncesweeper.test>\r\n"
                + "From: news@bouncesweeper.test\r\n"
                + "To: " + rcpt + "\r\n"
                + "\r\n"
                + "--" + boundary + "--\r\n";
    }

    static String status(String rcpt, String code, String diagnostic) {
        return "Reporting-MTA: dns; mta.hostile.test\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; " + rcpt + "\r\n"
                + "Action: failed\r\n"
                + "Status: " + code + "\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n";
    }

    static String good(String id, String rcpt) {
        return dsn(id, "", rcpt, "", status(rcpt, "5.1.1", "550 5.1.1 User unknown"), "B-" + id);
    }

    // ------------------------------------------------------------------ categories

    static byte[] truncated(int i, Random r) {
        // the first header makes every cut distinct (identical mails would be recognised as copies)
        byte[] full = ascii("X-Hostile-Seq: " + i + "\r\n" + good("trunc-" + i, "user" + i + "@example.net"));
        int cut = 20 + r.nextInt(full.length - 20);
        byte[] out = new byte[cut];
        System.arraycopy(full, 0, out, 0, cut);
        return out;
    }

    static byte[] badBase64(int i, Random r) {
        String garbage = switch (i % 4) {
            case 0 -> "!!!!not base64 at all!!!!\r\n" + randomPrintable(r, 200);
            case 1 -> "UmVwb3J0aW5nLU1UQTog===ZG5zOyBt\r\n====\r\nAAA";   // padding in the middle
            case 2 -> Base64.getEncoder().encodeToString(randomBytes(r, 300)).substring(0, 101); // cut mid-quantum
            default -> "\u00e9\u00e8\u00ff" + randomPrintable(r, 80);               // non-alphabet bytes
        };
        return latin1(dsn("b64-" + i, "", "user" + i + "@example.net",
                "Content-Transfer-Encoding: base64\r\n", garbage + "\r\n", "B64-" + i));
    }

    static byte[] badQp(int i, Random r) {
        String body = switch (i % 4) {
            case 0 -> "Final-Recipient: rfc822; user" + i + "@example.net=ZZ=\r\nStatus: 5.1.1=G1=";
            case 1 -> "=\r\n=\r\n=" + randomPrintable(r, 100) + "=";                  // soft breaks and a lone '='
            case 2 -> "Status: 5.=3" + "=".repeat(500);
            default -> "Final-Recipient: rfc822; =FF=FE=00user" + i + "@example.net\r\nAction: fa=\r\niled\r\n";
        };
        return ascii(dsn("qp-" + i, "", "user" + i + "@example.net",
                "Content-Transfer-Encoding: quoted-printable\r\n", body + "\r\n", "QP-" + i));
    }

    static byte[] unknownCharset(int i, Random r) {
        String cs = List.of("x-klingon-42", "utf-7", "\"\"", "ISO-8859-99", "utf-8;;;;", "x-" + "a".repeat(300)).get(i % 6);
        String mail = "Date: Fri, 27 Nov 2026 21:00:05 +0000\r\n"
                + "From: =?" + cs + "?B?TUFJTEVSLURBRU1PTg==?= <mailer-daemon@mta.hostile.test>\r\n"
                + "Subject: =?" + cs + "?Q?Undelivered_Mail?= =?x-unknown?B?!!!?=\r\n"
                + "Message-ID: <cs-" + i + "@mta.hostile.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=" + cs + "\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n";
        byte[] head = ascii(mail);
        byte[] body = randomBytes(r, 400);
        return concat(head, body);
    }

    static byte[] nulBytes(int i, Random r) {
        byte[] mail = ascii(good("nul-" + i, "user" + i + "@example.net"));
        int n = 1 + r.nextInt(20);
        for (int k = 0; k < n; k++) {
            mail[r.nextInt(mail.length)] = 0;
        }
        if (i % 10 == 0) {
            return concat(new byte[]{0, 0, 0, 0}, mail); // NULs before the first header
        }
        return mail;
    }

    static byte[] crlfInjection(int i, Random r) {
        String rcpt = switch (i % 5) {
            case 0 -> "user" + i + "@example.net\r\nBcc: victim@evil.test";        // folded into a new header
            case 1 -> "user" + i + "@example.net\rX-Injected: yes";                // bare CR
            case 2 -> "=?utf-8?q?user" + i + "=0D=0ABcc:_victim@evil.test?=@example.net"; // encoded CR LF
            case 3 -> "user" + i + "@example.net%0d%0aBcc:victim@evil.test";
            default -> "\"user" + i + "\r\n\"@example.net";
        };
        String header = "To: " + rcpt + "\r\nReply-To: " + rcpt + "\r\n";
        return ascii(dsn("crlf-" + i, header, rcpt, "", status(rcpt, "5.1.1", "550 <" + rcpt + "> unknown"), "CRLF-" + i));
    }

    static byte[] sqlInjection(int i) {
        String sql = List.of("'; DROP TABLE bounce_event; --", "\" OR 1=1 --", "1); DELETE FROM recipient_state; --",
                "\\'; SELECT SLEEP(10); --", "') UNION SELECT password FROM mysql.user --").get(i % 5);
        if (i == 0) {
            // the one whose identity and recipient are checked verbatim
            String mail = dsn("unused", "", SQL_RECIPIENT, "", status(SQL_RECIPIENT, "5.1.1", SQL_DIAGNOSTIC), "SQL-0")
                    .replace("Message-ID: <unused@mta.hostile.test>", "Message-ID: " + SQL_MESSAGE_ID);
            return ascii(mail);
        }
        String rcpt = "user" + i + sql.replace(" ", "") + "@example.net";
        String header = "X-Campaign-Id: " + sql + "\r\nX-Subscriber-Id: " + sql + "\r\n";
        return ascii(dsn("sql-" + i, header, rcpt, "", status(rcpt, "5.1.1", "550 " + sql), "SQL-" + i)
                .replace("Subject: Undelivered Mail Returned to Sender", "Subject: " + sql));
    }

    static byte[] logInjection(int i) {
        String forged = switch (i % 5) {
            case 0 -> "=?utf-8?q?x=0A" + FORGED_LOG_LINE.replace(' ', '_') + "?=";          // encoded LF
            case 1 -> "=?utf-8?b?" + Base64.getEncoder().encodeToString(("x\r\n" + FORGED_LOG_LINE).getBytes(StandardCharsets.UTF_8)) + "?=";
            case 2 -> "x\u001b[2J\u001b[1;1H" + FORGED_LOG_LINE;                            // ANSI: clear screen
            case 3 -> "x\r" + FORGED_LOG_LINE;                                              // bare CR overwrites the line
            default -> "x\u2028" + FORGED_LOG_LINE;                                         // Unicode line separator
        };
        String mail = "Date: Fri, 27 Nov 2026 21:00:05 +0000\r\n"
                + "From: " + forged + " <mailer-daemon@mta.hostile.test>\r\n"
                + "Subject: Undelivered Mail Returned to Sender " + forged + "\r\n"
                + "Message-ID: <log-" + i + "-" + forged + "@mta.hostile.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + forged + "\"\r\n"
                + "\r\n--" + forged + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Final-Recipient: rfc822; " + forged + "\r\nStatus: " + forged + "\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] binary(Random r) {
        return randomBytes(r, 1 + r.nextInt(4096));
    }

    static byte[] brokenMime(int i, Random r) {
        String id = "mime-" + i;
        String rcpt = "user" + i + "@example.net";
        return ascii(switch (i % 10) {
            case 0 -> good(id, rcpt).replace("boundary=\"B-" + id + "\"", "boundary=\"\"");          // empty boundary
            case 1 -> good(id, rcpt).replace("boundary=\"B-" + id + "\"", "boundary=\"nowhere\"");    // never appears
            case 2 -> good(id, rcpt).replace("--B-" + id + "--\r\n", "");                             // no close
            case 3 -> good(id, rcpt).replace("\r\n\r\n", "\r\n");                                     // no header/body gap
            case 4 -> good(id, rcpt).replace("boundary=\"B-" + id + "\"", "boundary=\"" + "x".repeat(5000) + "\"");
            case 5 -> good(id, rcpt).replace("Content-Type: multipart/report;", "Content-Type: multipart/;;;;;;");
            case 6 -> "Message-ID: <" + id + ">\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n"
                    + "--a\r\n".repeat(2000);                                                        // empty parts
            case 7 -> ": no name\r\n:\r\nX-Id: " + id + "\r\n" + "x".repeat(100) + "\r\n\r\nbody";        // nameless fields
            case 8 -> good(id, rcpt).replace("Content-Type: message/delivery-status",
                    "Content-Type: message/delivery-status; charset=\"" + "\\".repeat(1000));
            default -> "\r\n\r\n\r\n" + randomPrintable(r, 300);                                     // body only
        });
    }

    static byte[] bareLineEnds(int i, Random r) {
        String mail = good("eol-" + i, "user" + i + "@example.net");
        return ascii(switch (i % 3) {
            case 0 -> mail.replace("\r\n", "\r");
            case 1 -> mail.replace("\r\n", "\n");
            default -> mail.replace("\r\n", r.nextBoolean() ? "\n\r" : "\r\r\n");
        });
    }

    static byte[] longHeader(int i, Random r) {
        String line = switch (i) {
            case 0 -> "Subject: " + "A".repeat(1 << 20);
            case 1 -> "X-Long: " + randomPrintable(r, 1 << 20);
            case 2 -> "Subject: " + "=?utf-8?b?QUFB?= ".repeat((1 << 20) / 17);
            case 3 -> "To: " + "a@b.c, ".repeat((1 << 20) / 7);
            default -> "X-Folded:" + " x\r\n".repeat((1 << 20) / 4); // one field folded over 260k lines
        };
        return ascii(line + "\r\n" + good("long-" + i, "user" + i + "@example.net"));
    }

    static byte[] nestedMultipart(int depth) {
        StringBuilder sb = new StringBuilder("From: mailer-daemon@mta.hostile.test\r\nSubject: Undelivered Mail\r\n"
                + "Message-ID: <nested-multipart@mta.hostile.test>\r\nMIME-Version: 1.0\r\n");
        for (int d = 0; d < depth; d++) {
            sb.append("Content-Type: multipart/mixed; boundary=\"n").append(d).append("\"\r\n\r\n--n").append(d).append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (int d = depth - 1; d >= 0; d--) {
            sb.append("--n").append(d).append("--\r\n");
        }
        return ascii(sb.toString());
    }

    static byte[] nestedRfc822(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            sb.append("From: mailer-daemon@mta.hostile.test\r\nSubject: Undelivered Mail ").append(d)
                    .append("\r\nMessage-ID: <nested-rfc822-").append(d).append("@mta.hostile.test>\r\n")
                    .append("MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        sb.append("From: x@y.z\r\n\r\nbottom\r\n");
        return ascii(sb.toString());
    }

    static byte[] manyParts(int parts) {
        StringBuilder sb = new StringBuilder("From: mailer-daemon@mta.hostile.test\r\nSubject: Undelivered Mail\r\n"
                + "Message-ID: <many-parts@mta.hostile.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=p\r\n\r\n");
        for (int k = 0; k < parts; k++) {
            sb.append("--p\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; r")
                    .append(k).append("@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n");
        }
        return ascii(sb.append("--p--\r\n").toString());
    }

    static byte[] manyHeaders(int fields) {
        StringBuilder sb = new StringBuilder("Message-ID: <many-headers@mta.hostile.test>\r\n");
        for (int k = 0; k < fields; k++) {
            sb.append("X-H").append(k).append(": v\r\n");
        }
        return ascii(sb.append("\r\nbody\r\n").toString());
    }

    /** A real DSN whose returned message carries a 50 MB base64 attachment. */
    static byte[] hugeAttachment(int size, Random r) {
        String head = good("huge", "huge@example.net");
        head = head.substring(0, head.lastIndexOf("--B-huge--"));
        String attachmentHead = "--B-huge\r\nContent-Type: application/octet-stream; name=big.bin\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
        out.writeBytes(ascii(head + attachmentHead));
        byte[] line = new byte[57];
        byte[] crlf = {'\r', '\n'};
        Base64.Encoder b64 = Base64.getEncoder();
        while (out.size() < size) {
            r.nextBytes(line);
            out.writeBytes(b64.encode(line));
            out.writeBytes(crlf);
        }
        out.writeBytes(ascii("--B-huge--\r\n"));
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ helpers

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static String randomPrintable(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            sb.append((char) (32 + r.nextInt(95)));
        }
        return sb.toString();
    }

    /** Writes every message to {@code DIR/NNNN-category.eml}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: HostileMail DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Map<String, Integer> written = new LinkedHashMap<>();
        for (Message m : all()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(m.name() + ".eml"))) {
                out.write(m.bytes());
            }
            written.merge(m.category(), 1, Integer::sum);
        }
        System.out.println("hostile-mail: wrote " + count() + " messages to " + dir + " " + written);
    }
}
