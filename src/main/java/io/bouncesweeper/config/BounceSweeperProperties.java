package io.bouncesweeper.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Process-wide settings: where the database and the default mailbox account are, which job
 * definition to run, and how. Bound from {@code application.yml}, command-line options and
 * environment variables ({@code BOUNCE_SWEEPER_IMAP_HOST} → {@code bounce-sweeper.imap.host}).
 * What a job does (folders, selection, thresholds, archive layout) lives in its definition under
 * {@code jobs/}: see {@link JobDefinition}. Validation runs at start, so a missing or wrong setting
 * stops the run before any mail is touched, with the setting's name in the message.
 */
@Validated
@ConfigurationProperties("bounce-sweeper")
public record BounceSweeperProperties(
        @NotBlank @DefaultValue("nightly-cleanup") String job,
        @NotBlank @DefaultValue("jobs") String jobsDir,
        @NotNull @DefaultValue("RUN_ONCE") Mode mode,
        @Min(1) @Max(32) @DefaultValue("2") int maxParallelMailboxes,
        @Valid @NotNull @DefaultValue Imap imap,
        @Valid @NotNull @DefaultValue Db db,
        String tablesDir) {

    public enum Mode { RUN_ONCE, SCHEDULER }

    /** {@code bounce-sweeper.tables-dir}: the operator's rule tables, read before the built-in ones (see {@link TableFolders}). */
    public TableFolders tableFolders() {
        return new TableFolders(tablesDir);
    }

    @AssertTrue(message = "bounce-sweeper.tables-dir must name an existing folder holding a classify/ or parse/ subfolder")
    public boolean isTablesDirUsable() {
        return tableFolders().isUsable();
    }

    /** The default mailbox account; a job definition's mailbox entries may name others. */
    public record Imap(
            @NotBlank String host,
            @Min(1) @Max(65_535) Integer port,
            @NotBlank String user,
            String password,
            @NotNull @DefaultValue("IMAPS") ImapSecurity security,
            @DefaultValue("false") boolean allowPlaintext,
            String trustStore,
            String trustStorePassword,
            @NotNull @DefaultValue("30s") Duration connectTimeout,
            @NotNull @DefaultValue("120s") Duration readTimeout,
            @Min(1024) @DefaultValue("26214400") long maxMessageBytes,
            @DefaultValue("true") boolean useMove,
            @DefaultValue("true") boolean compress,
            @Min(1) @Max(100) @DefaultValue("6") int retryAttempts,
            @NotNull @DefaultValue("2s") Duration retryPause,
            @NotNull @DefaultValue("PASSWORD") ImapAuth auth,
            String token,
            String tokenFile,
            String tokenCommand,
            @DefaultValue("false") boolean allowPlainExpunge,
            @Valid OAuth2Settings oauth2) {

        public int effectivePort() {
            return port != null ? port : security.defaultPort();
        }

        @AssertTrue(message = "bounce-sweeper.imap.auth=PASSWORD needs bounce-sweeper.imap.password; "
                + "XOAUTH2 needs exactly one of bounce-sweeper.imap.token, token-file and token-command; "
                + "OAUTH2 needs bounce-sweeper.imap.oauth2.grant, token-endpoint and client-id")
        public boolean isCredentialGiven() {
            if (auth == ImapAuth.OAUTH2) {
                return oauth2 != null;
            }
            if (auth != ImapAuth.XOAUTH2) {
                return password != null && !password.isBlank();
            }
            int given = (blank(token) ? 0 : 1) + (blank(tokenFile) ? 0 : 1) + (blank(tokenCommand) ? 0 : 1);
            return given == 1;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        @AssertTrue(message = "bounce-sweeper.imap.security=NONE sends the password in clear text; "
                + "use IMAPS or STARTTLS, or set bounce-sweeper.imap.allow-plaintext=true explicitly")
        public boolean isPlaintextExplicitlyAllowed() {
            return security != ImapSecurity.NONE || allowPlaintext;
        }

        @Override
        public String toString() {
            return "Imap[" + security + "://" + user + "@" + host + ":" + effectivePort() + ", auth=" + auth
                    + ", password=****" + (oauth2 != null ? ", oauth2=" + oauth2 : "") + "]";
        }
    }

    public record Db(
            @NotBlank String url,
            String user,
            String password,
            @Min(4) @Max(64) @DefaultValue("10") int poolSize,
            @Min(1) @Max(100) @DefaultValue("4") int retryAttempts,
            @NotNull @DefaultValue("2s") Duration retryPause) {

        @Override
        public String toString() {
            return "Db[" + url + ", user=" + user + ", password=****]";
        }
    }
}
