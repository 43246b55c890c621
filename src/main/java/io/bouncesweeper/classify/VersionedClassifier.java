package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The table-driven classifier together with the version of its rules: the first 12 hex digits of
 * a SHA-256 over every table text it read, stored on each event so a verdict names the rules that
 * gave it, and reclassification can tell which events predate a rule change.
 */
public final class VersionedClassifier implements BounceClassifier {
    private static final List<String> TABLES = List.of(ReasonProfiles.TABLE, StatusTable.TABLE, ProviderTable.RULES,
            ProviderTable.HOSTS, PhraseTable.TABLE);

    private final BounceClassifier delegate;
    private final String version;

    public VersionedClassifier(BounceClassifier delegate, String version) {
        this.delegate = delegate;
        this.version = version;
    }

    /** The classifier over these tables, versioned by their content. */
    public static VersionedClassifier of(TableSource source) {
        return new VersionedClassifier(new DefaultBounceClassifier(source), versionOf(source));
    }

    public static VersionedClassifier builtIn() {
        return of(TableSource.builtIn());
    }

    /** The rules version of any classifier: its own if versioned, else "unversioned". */
    public static String versionOf(BounceClassifier classifier) {
        return classifier instanceof VersionedClassifier v ? v.version() : "unversioned";
    }

    public static String versionOf(TableSource source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String table : TABLES) {
                sha.update(table.getBytes(StandardCharsets.UTF_8));
                for (String text : source.read(table)) {
                    sha.update((byte) 0);
                    sha.update(text.getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) 1);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String version() {
        return version;
    }

    @Override
    public Classification classify(DeliveryRecord record) {
        return delegate.classify(record);
    }
}
