package io.bouncesweeper.cli;

/** Just enough JSON for one flat object per line: strings, booleans, numbers and null. */
final class Json {
    private final StringBuilder sb = new StringBuilder(256).append('{');

    Json field(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    Json field(String name, long value) {
        key(name);
        sb.append(value);
        return this;
    }

    Json field(String name, boolean value) {
        key(name);
        sb.append(value);
        return this;
    }

    @Override
    public String toString() {
        return sb + "}";
    }

    private void key(String name) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        quote(name);
        sb.append(':');
    }

    /** RFC 8259: quote, backslash and control characters escaped; everything else passes as is. */
    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static String escape(String s) {
        Json j = new Json();
        j.quote(s);
        return j.sb.substring(1);
    }
}
