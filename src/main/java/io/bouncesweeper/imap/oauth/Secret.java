package io.bouncesweeper.imap.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A secret named by where it is, read when it is needed: an environment variable, or a file (a
 * mounted Kubernetes Secret is updated in place when the Secret is rotated). Failures name the
 * setting and the source, never the content.
 *
 * @param setting the setting that named the source, e.g. {@code mailboxes[0].oauth2.client-secret-env}
 */
public record Secret(String setting, String variable, Path file, Function<String, String> environment) {

    /** The secret from whichever of the two is set, or null when neither is. */
    public static Secret of(String setting, String variable, String file, Function<String, String> environment) {
        if (variable != null && !variable.isBlank()) {
            return new Secret(setting + "-env", variable.trim(), null, environment);
        }
        if (file != null && !file.isBlank()) {
            return new Secret(setting + "-file", null, Path.of(file.trim()), environment);
        }
        return null;
    }

    /** @throws IllegalStateException naming the setting when the variable is unset or the file unreadable */
    public String value() {
        String value;
        if (variable != null) {
            value = environment.apply(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(setting + " names the environment variable " + variable + ", which is not set");
            }
        } else {
            try {
                value = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(setting + " names " + file + ", which cannot be read ("
                        + e.getClass().getSimpleName() + ")", e);
            }
            if (value.isBlank()) {
                throw new IllegalStateException(setting + " names " + file + ", which is empty");
            }
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return setting + " (" + (variable != null ? "environment variable " + variable : "file " + file) + ")";
    }
}
