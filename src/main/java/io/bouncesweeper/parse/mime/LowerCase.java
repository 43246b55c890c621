package io.bouncesweeper.parse.mime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code String.toLowerCase(Locale.ROOT)}, faster for the plain ASCII that most notifications are:
 * the JDK lowers one character at a time through its Unicode tables, which was a tenth of the
 * parse. Any other text goes to the JDK, so the result is always the same.
 */
public final class LowerCase {
    private LowerCase() {
    }

    public static String of(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Bytes.lowerAsciiInPlace(b) ? new String(b, StandardCharsets.ISO_8859_1) : s.toLowerCase(Locale.ROOT);
    }
}
