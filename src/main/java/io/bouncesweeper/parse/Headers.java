package io.bouncesweeper.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An ordered, unfolded, decoded header block; lookups ignore case and return the first match. */
public final class Headers {
    public static final Headers EMPTY = new Headers(List.of());

    /** One header field; the value is unfolded, RFC 2047-decoded and trimmed. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;

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
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                return f.value;
            }
        }
        return null;
    }

    public List<String> getAll(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                out.add(f.value);
            }
        }
        return out;
    }

    public boolean has(String name) {
        return get(name) != null;
    }
}
