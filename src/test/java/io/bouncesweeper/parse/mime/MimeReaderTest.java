package io.bouncesweeper.parse.mime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeReaderTest {
    private static MimePart read(String s) {
        return MimeReader.read(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void unfoldsHeadersAndDecodesEncodedWords() {
        MimePart p = read("Subject: =?utf-8?B?w5xiZXI=?= =?iso-8859-1?Q?_m=FCde?=\r\n  and more\r\nX-A: b\r\n\r\nbody");
        assertEquals("Über müde and more", p.headers().get("subject"));
        assertEquals("b", p.headers().get("X-A"));
        assertEquals("body", p.text());
    }

    @Test
    void aParameterThatLostItsFoldingWhiteSpaceStaysWithItsField() {
        MimePart p = read("Content-Type: multipart/mixed;\nboundary=\"b1\"\nX-A: b\n\n--b1\n\none\n--b1--\n");
        assertEquals("multipart/mixed; boundary=\"b1\"", p.headers().get("Content-Type"));
        assertEquals("b", p.headers().get("X-A"));
        assertEquals(1, p.children().size());
        // after a field that announces no further parameter, such a line is no header and ends the block
        MimePart q = read("Subject: hello\nname=value\n\nbody");
        assertEquals("hello", q.headers().get("Subject"));
        assertTrue(q.text().startsWith("name=value"), q.text());
    }

    @Test
    void unknownCharsetFallsBackWithoutLoss() {
        MimePart p = read("Content-Type: text/plain; charset=x-no-such\n\ncaf\u00e9");
        assertEquals("café", p.text());
    }

    @Test
    void decodesQuotedPrintableAndBase64() {
        MimePart qp = read("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nB=C3=BCro=\n done =ZZ");
        assertEquals("Büro done =ZZ", qp.text());
        MimePart b64 = read("Content-Transfer-Encoding: base64\n\naGVs\nbG8=\n");
        assertEquals("hello", b64.text());
    }

    @Test
    void walksNestedMultipartsAndEnclosedMessages() {
        String msg = """
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: text/plain

                one
                --outer
                Content-Type: message/rfc822

                Subject: inner
                Content-Type: multipart/alternative; boundary="in"

                --in
                Content-Type: text/plain

                two
                --in--
                --outer
                Content-Type: text/rfc822-headers

                Message-ID: <x@y>
                --outer--
                """;
        MimePart root = read(msg);
        assertEquals(3, root.children().size());
        assertEquals("one", root.children().get(0).text());
        MimePart inner = root.children().get(1).enclosed();
        assertEquals("inner", inner.headers().get("Subject"));
        assertEquals("two", inner.children().get(0).text());
        assertEquals("<x@y>", root.children().get(2).enclosed().headers().get("Message-ID"));
    }

    @Test
    void missingClosingBoundaryKeepsTheLastPart() {
        MimePart root = read("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\nContent-Type: text/plain\n\nsecond, cut");
        assertEquals(2, root.children().size());
        assertEquals("second, cut", root.children().get(1).text());
    }

    @Test
    void bareCrLineEndingsAreRead() {
        MimePart p = read("Subject: cr\rX-B: 2\r\rbody\r");
        assertEquals("cr", p.headers().get("Subject"));
        assertEquals("2", p.headers().get("X-B"));
    }

    @Test
    void depthIsCapped() {
        StringBuilder b = new StringBuilder();
        int depth = 100;
        for (int i = 0; i < depth; i++) {
            b.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        b.append("Content-Type: text/plain\n\ndeep\n");
        MimePart root = read(b.toString());
        int levels = 0;
        for (MimePart p = root; !p.children().isEmpty(); p = p.children().get(0)) {
            levels++;
        }
        // a multipart and each of its parts are one level of entity nesting each
        assertEquals(MimeReader.MAX_DEPTH / 2, levels);
    }

    @Test
    void partCountIsCapped() {
        StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 1000; i++) {
            b.append("--b\n\npart ").append(i).append('\n');
        }
        assertTrue(read(b.toString()).flatten().size() <= MimeReader.MAX_PARTS);
    }

    @Test
    void headerBytesAreCapped() {
        String huge = "x".repeat(2_000_000);
        MimePart p = read("X-Huge: " + huge + "\nSubject: after\n\nbody");
        assertTrue(p.headers().get("X-Huge").length() <= MimeReader.MAX_FIELD_BYTES);
        assertEquals("after", p.headers().get("Subject"));
        assertEquals("body", p.text());
    }
}
