package io.bouncesweeper.store;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reason → group, from the built-in {@code store/reason-groups.tsv} and optionally an operator's
 * file whose rows win. A reason in neither counts as soft. A malformed row fails with file and line.
 */
public final class ReasonGroups {
    static final String BUILT_IN = "/store/reason-groups.tsv";

    private final Map<Reason, ReasonGroup> groups;

    private ReasonGroups(Map<Reason, ReasonGroup> groups) {
        this.groups = Collections.unmodifiableMap(groups);
    }

    public static ReasonGroups builtIn() {
        return new ReasonGroups(parse(builtInText(), BUILT_IN, new EnumMap<>(Reason.class)));
    }

    /** The built-in rows overridden by the operator's file; null or blank path means built-in only. */
    public static ReasonGroups withOverrides(String path) {
        Map<Reason, ReasonGroup> map = parse(builtInText(), BUILT_IN, new EnumMap<>(Reason.class));
        if (path != null && !path.isBlank()) {
            Path file = Path.of(path.trim());
            try {
                parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), map);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read reason groups " + file, e);
            }
        }
        return new ReasonGroups(map);
    }

    public static ReasonGroups of(Map<Reason, ReasonGroup> groups) {
        Map<Reason, ReasonGroup> map = parse(builtInText(), BUILT_IN, new EnumMap<>(Reason.class));
        map.putAll(groups);
        return new ReasonGroups(map);
    }

    public ReasonGroup of(Reason reason) {
        return reason == null ? ReasonGroup.SOFT : groups.getOrDefault(reason, ReasonGroup.SOFT);
    }

    /**
     * The group one failure counts in for the list: the reason's group, except that a recipient-side
     * reason that says "try again" (a 4xx status, or a soft class with no status at all) only counts
     * as soft. The list policy, the evaluation's list decisions and the reports all decide by this.
     *
     * @param status      the enhanced status or reply code, if any
     * @param bounceClass the classifier's class, if known
     */
    public ReasonGroup decide(Reason reason, String status, BounceClass bounceClass) {
        ReasonGroup group = of(reason);
        if (group == ReasonGroup.RECIPIENT && isTemporary(status, bounceClass)) {
            return ReasonGroup.SOFT;
        }
        return group;
    }

    private static boolean isTemporary(String status, BounceClass bounceClass) {
        return status != null ? status.startsWith("4") : bounceClass == BounceClass.SOFT;
    }

    /** A text fingerprint of the table, part of what a stored verdict depends on. */
    @Override
    public String toString() {
        return groups.toString();
    }

    private static Map<Reason, ReasonGroup> parse(String text, String source, Map<Reason, ReasonGroup> into) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\\s+");
            try {
                if (cols.length < 2) {
                    throw new IllegalArgumentException("expected: reason<TAB>group");
                }
                into.put(Reason.ofCode(cols[0]), ReasonGroup.ofCode(cols[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return into;
    }

    private static String builtInText() {
        try (InputStream in = ReasonGroups.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in reason groups " + BUILT_IN + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
