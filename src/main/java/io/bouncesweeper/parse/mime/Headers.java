package io.bouncesweeper.parse.mime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered, unfolded header block; lookups ignore case and return the first match. {@link #get}
 * decodes RFC 2047 encoded words, {@link #getRaw} does not: addresses and message identifiers are
 * read raw, because RFC 2047 forbids encoded words there and a decoded one could carry any address
 * (or a CR LF) into a field that decides whom to suppress.
 */
public final class Headers {
    public static final Headers EMPTY = new Headers(List.of());

    /**
     * One header field; the value is unfolded, RFC 2047-decoded and trimmed on first access, so
     * the many fields nobody reads (Received, DKIM-Signature ...) cost no decoding.
     * {@link #rawValue()} is the unfolded value without RFC 2047 decoding.
     */
    public static final class Field {
        private final String name;
        private final byte[] raw;
        private final int from;
        private final int to;
        private String value;
        private String rawValue;
        private String lowerName;

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

        /** The name in lower case, made once: the index, report parsing and prefix checks all want it. */
        public String lowerName() {
            String l = lowerName;
            if (l == null) {
                l = LowerCase.of(name);
                lowerName = l;
            }
            return l;
        }

        public String value() {
            String v = value;
            if (v == null) {
                v = raw == null ? null : EncodedWords.decode(rawValue());
                value = v;
            }
            return v;
        }

        public String rawValue() {
            String v = rawValue;
            if (v == null) {
                v = raw == null ? value : MimeReader.unfold(raw, from, to);
                rawValue = v;
            }
            return v;
        }
    }

    private final List<Field> fields;

    public Headers(List<Field> fields) {
        this.fields = fields;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public String get(String name) {
        Field f = first(name);
        return f == null ? null : f.value();
    }

    /** The first field's value without RFC 2047 decoding: for addresses and message identifiers. */
    public String getRaw(String name) {
        Field f = first(name);
        return f == null ? null : f.rawValue();
    }

    /**
     * A plain scan: equalsIgnoreCase compares lengths first, so most fields cost one int compare.
     * It beat a lower-case name index (measured over the corpus), whose building lowered every
     * Received and DKIM-Signature name of every block for a few lookups.
     */
    private Field first(String name) {
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
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

    /** Every value of the field without RFC 2047 decoding. */
    public List<String> getAllRaw(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                out.add(f.rawValue());
            }
        }
        return out;
    }

    public boolean has(String name) {
        return first(name) != null;
    }
}
