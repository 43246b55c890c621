package io.bouncesweeper.parse.mime;

import java.util.Locale;

/**
 * A parsed Content-Type: lower-case {@code type/subtype} plus the parameters a MIME walk needs.
 * Parameter values may be quoted or not; a missing or garbled header yields text/plain.
 */
public record ContentType(String mimeType, String boundary, String charset, String reportType) {
    public static final ContentType TEXT_PLAIN = new ContentType("text/plain", null, null, null);
    public static final ContentType MESSAGE_RFC822 = new ContentType("message/rfc822", null, null, null);

    public static ContentType parse(String value, ContentType fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int semi = value.indexOf(';');
        String type = LowerCase.of((semi < 0 ? value : value.substring(0, semi)).trim());
        if (type.indexOf('/') < 0) {
            type = fallback.mimeType;
        }
        String params = semi < 0 ? "" : value.substring(semi + 1);
        String lower = LowerCase.of(params); // once for the three parameters
        return new ContentType(type, param(params, lower, "boundary"), param(params, lower, "charset"),
                param(params, lower, "report-type"));
    }

    public boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    public boolean is(String type) {
        return mimeType.equals(type);
    }

    static String param(String params, String name) {
        return param(params, params.toLowerCase(Locale.ROOT), name);
    }

    private static String param(String params, String lower, String name) {
        int from = 0;
        while (true) {
            int i = lower.indexOf(name, from);
            if (i < 0) {
                return null;
            }
            from = i + name.length();
            boolean startsToken = i == 0 || " \t;\r\n".indexOf(lower.charAt(i - 1)) >= 0;
            int j = from;
            while (j < lower.length() && (lower.charAt(j) == ' ' || lower.charAt(j) == '\t')) j++;
            if (!startsToken || j >= lower.length() || lower.charAt(j) != '=') {
                continue;
            }
            j++;
            while (j < params.length() && (params.charAt(j) == ' ' || params.charAt(j) == '\t')) j++;
            if (j < params.length() && params.charAt(j) == '"') {
                int close = params.indexOf('"', j + 1);
                return params.substring(j + 1, close < 0 ? params.length() : close);
            }
            int k = j;
            while (k < params.length() && params.charAt(k) != ';' && !Character.isWhitespace(params.charAt(k))) k++;
            return params.substring(j, k);
        }
    }
}
