package io.bouncesweeper.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An ordered, unfolded, decoded header block; lookups ignore case and return the first match. */
public final class Headers {
    public static final Headers EMPTY = new Headers(List.of());

    /**
     * One header field; the value is unfolded, RFC 2047-decoded and trimmed on first access, so
     * the many fields nobody reads (Received, DKIM-Signature ...) cost no decoding.
     */
    public static final class Field {
        private final String name;
        private final byte[] raw;
        private final int from;
        private final int to;
        private String value;

        public Field(String name, String value) {
            this(name, null, 0, 0);
            this.value = value;
        }

        Field(String name, byte[] raw, int from, int to) {
            this.name = name;
            this.raw = raw;
            this.from = from;
            this.to = to;
        }

        public String name() {
            return name;
        }

        public String value() {
            String v = value;
            if (v == null) {
                v = MimeReader.unfold(raw, from, to);
                value = v;
            }
            return v;
        }
    }

    private final List<Field> fields;
    /** First field per lower-case name, built on the first lookup: decoders ask many questions per message. */
    private java.util.Map<String, Field> firstByName;
    private static final int SCAN_LIMIT = 12;

    Headers(List<Field> fields) {
        this.fields = fields;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public String get(String name) {
        if (fields.size() <= SCAN_LIMIT) {
            // a part's two or three fields: a scan beats building an index
            for (Field f : fields) {
                if (f.name.equalsIgnoreCase(name)) {
                    return f.value();
                }
            }
            return null;
        }
        java.util.Map<String, Field> index = firstByName;
        if (index == null) {
            index = new java.util.HashMap<>(fields.size() * 2);
            for (Field f : fields) {
                index.putIfAbsent(f.name.toLowerCase(java.util.Locale.ROOT), f);
            }
            firstByName = index;
        }
        Field f = index.get(name.toLowerCase(java.util.Locale.ROOT));
        return f == null ? null : f.value();
    }

    public List<String> getAll(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    public boolean has(String name) {
        return get(name) != null;
    }
}
