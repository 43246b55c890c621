package io.bouncesweeper.imap;

import io.bouncesweeper.imap.oauth.AccessTokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where an OAuth2 access token comes from, read afresh at every connect (tokens expire within the
 * hour; a file or a command can hand out a renewed one): the configuration itself, a file (e.g. a
 * mounted Kubernetes Secret kept fresh by a sidecar), or a command run with {@code /bin/sh -c}
 * whose standard output, trimmed, is the token. The token never appears in any message: failures
 * name the source, not the content.
 */
public final class TokenSource implements AccessTokens {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_BYTES = 64 * 1024;

    private final String token;
    private final Path file;
    private final String command;

    private TokenSource(String token, Path file, String command) {
        this.token = token;
        this.file = file;
        this.command = command;
    }

    /** Exactly one of the three must be set. */
    public static TokenSource of(String token, String tokenFile, String tokenCommand) {
        int given = (blank(token) ? 0 : 1) + (blank(tokenFile) ? 0 : 1) + (blank(tokenCommand) ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("XOAUTH2 needs exactly one of bounce-sweeper.imap.token, "
                    + "bounce-sweeper.imap.token-file and bounce-sweeper.imap.token-command (" + given + " set)");
        }
        return new TokenSource(blank(token) ? null : token.trim(), blank(tokenFile) ? null : Path.of(tokenFile.trim()),
                blank(tokenCommand) ? null : tokenCommand);
    }

    @Override
    public void refused(String token) {
        // nothing cached: a file or command is read again at the next connect
    }

    @Override
    public String token() {
        String value;
        if (token != null) {
            value = token;
        } else if (file != null) {
            value = readFile();
        } else {
            value = runCommand();
        }
        if (value.isEmpty()) {
            throw new IllegalStateException("the OAuth2 token from " + this + " is empty");
        }
        return value;
    }

    private String readFile() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OAuth2 token file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private String runCommand() {
        try {
            Process p = new ProcessBuilder(List.of("/bin/sh", "-c", command))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(MAX_TOKEN_BYTES);
            }
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the OAuth2 token command (bounce-sweeper.imap.token-command) did not end within "
                        + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                // its output is not shown: it may hold a token
                throw new IllegalStateException("the OAuth2 token command (bounce-sweeper.imap.token-command) exited with "
                        + p.exitValue());
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the OAuth2 token command (bounce-sweeper.imap.token-command): "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the OAuth2 token command", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return token != null ? "bounce-sweeper.imap.token" : file != null ? "token file " + file : "bounce-sweeper.imap.token-command";
    }
}
