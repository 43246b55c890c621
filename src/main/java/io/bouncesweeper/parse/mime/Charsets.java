package io.bouncesweeper.parse.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charset lookup that never fails. Mail carries names the JDK does not know ("unknown-8bit",
 * "x-user-defined", typos); for those the bytes are read as UTF-8 when they are valid UTF-8 and
 * as ISO-8859-1 otherwise, so no byte is ever lost or turned into an exception.
 */
final class Charsets {
    private static final Map<String, Optional<Charset>> CACHE = new ConcurrentHashMap<>();
    /** Bounds the cache: names come from untrusted mail. */
    private static final int MAX_CACHED = 512;

    private Charsets() {
    }

    static String decode(byte[] b, int off, int len, String charsetName) {
        if (len <= 0) {
            return "";
        }
        if (isAscii(b, off, len)) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        Charset cs = lookup(charsetName);
        if (cs == null || cs == StandardCharsets.US_ASCII || cs == StandardCharsets.ISO_8859_1 && hasIso2022JpEscape(b, off, len)) {
            return utf8OrLatin1(b, off, len);
        }
        if (cs.name().startsWith("ISO-2022")) {
            // a 7-bit charset label on 8-bit bytes: Japanese mobile gateways send EUC-JP or
            // Shift_JIS labelled ISO-2022-JP; decoding them as labelled yields only U+FFFD
            String guessed = eightBitJapanese(b, off, len);
            if (guessed != null) {
                return guessed;
            }
        }
        try {
            return new String(b, off, len, cs);
        } catch (RuntimeException e) {
            return utf8OrLatin1(b, off, len);
        }
    }

    /** 8-bit bytes read strictly as UTF-8, EUC-JP or Shift_JIS, the first that fits; null when 7-bit or none fits. */
    private static String eightBitJapanese(byte[] b, int off, int len) {
        boolean eightBit = false;
        for (int i = off, end = off + len; i < end && !eightBit; i++) {
            eightBit = b[i] < 0;
        }
        if (!eightBit) {
            return null;
        }
        for (String name : new String[]{"UTF-8", "EUC-JP", "Shift_JIS"}) {
            Charset cs = lookupOrNull(name);
            if (cs == null) {
                continue;
            }
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, off, len)).toString();
            } catch (CharacterCodingException e) {
                // try the next
            }
        }
        return null;
    }

    static String utf8OrLatin1(byte[] b, int off, int len) {
        if (hasIso2022JpEscape(b, off, len)) {
            // 7-bit Japanese mail written without a charset label (Domino, old Japanese MTAs)
            try {
                return new String(b, off, len, ISO_2022_JP);
            } catch (RuntimeException e) {
                // fall through to the guess below
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
    }

    private static final Charset ISO_2022_JP = lookupOrNull("ISO-2022-JP");

    private static Charset lookupOrNull(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * 7-bit text holding an ISO-2022-JP designation (ESC $ B, ESC $ @, ESC ( J): it is Japanese
     * whatever its label says. Bytes above 127 rule it out.
     */
    static boolean hasIso2022JpEscape(byte[] b, int off, int len) {
        if (ISO_2022_JP == null) {
            return false;
        }
        boolean esc = false;
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
            if (b[i] == 0x1b && i + 2 < end && (b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@')
                    || b[i + 1] == '(' && b[i + 2] == 'J')) {
                esc = true;
            }
        }
        return esc;
    }

    /** Plain ASCII without ESC: ISO-2022 charsets are 7-bit too but need their decoder. */
    static boolean isAscii(byte[] b, int off, int len) {
        return Bytes.isAsciiWithoutEscape(b, off, len);
    }

    static Charset lookup(String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            return null;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        Optional<Charset> hit = CACHE.get(key);
        if (hit != null) {
            return hit.orElse(null);
        }
        Charset cs = null;
        try {
            cs = Charset.forName(alias(key));
        } catch (RuntimeException e) {
            // unknown or illegal name: fall back to UTF-8 / ISO-8859-1 guessing
        }
        if (CACHE.size() < MAX_CACHED) {
            CACHE.put(key, Optional.ofNullable(cs));
        }
        return cs;
    }

    private static String alias(String key) {
        return switch (key) {
            case "utf8", "unicode-1-1-utf-8" -> "UTF-8";
            case "ks_c_5601-1987", "ks_c_5601" -> "EUC-KR";
            case "x-sjis", "shift-jis", "sjis" -> "Shift_JIS";
            case "cp932", "ms932" -> "windows-31j";
            case "gb2312", "x-gbk" -> "GBK";
            default -> key;
        };
    }
}
