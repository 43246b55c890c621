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
 * All settings of a run, bound from {@code application.yml}, the job definition in {@code jobs/}
 * and environment variables ({@code BOUNCE_SWEEPER_IMAP_HOST} → {@code bounce-sweeper.imap.host}).
 * Validation runs at start, so a missing or wrong setting stops the run before any mail is touched,
 * with the setting's name in the message.
 */
@Validated
@ConfigurationProperties("bounce-sweeper")
public record BounceSweeperProperties(
        @Valid @NotNull @DefaultValue Job job,
        @Valid @NotNull @DefaultValue Imap imap,
        @Valid @NotNull @DefaultValue Db db,
        @Min(1) @Max(10_000) @DefaultValue("200") int chunkSize,
        @Valid @NotNull @DefaultValue Policy policy,
        @Valid @NotNull @DefaultValue Archive archive) {

    /** Which job definition this is, for logs, job parameters and the scheduler. */
    public record Job(
            @NotBlank @DefaultValue("nightly-cleanup") String name,
            String schedule,
            String description) {
    }

    public record Imap(
            @NotBlank String host,
            @Min(1) @Max(65_535) Integer port,
            @NotBlank String user,
            String password,
            @NotBlank @DefaultValue("INBOX") String folder,
            @NotNull @DefaultValue("IMAPS") ImapSecurity security,
            @DefaultValue("false") boolean allowPlaintext,
            String trustStore,
            String trustStorePassword,
            @NotNull @DefaultValue("UNSEEN") Selection select,
            @NotNull @DefaultValue("30s") Duration connectTimeout,
            @NotNull @DefaultValue("120s") Duration readTimeout,
            @Min(1024) @DefaultValue("26214400") long maxMessageBytes,
            @NotNull @DefaultValue("PASSWORD") ImapAuth auth,
            String token,
            String tokenFile,
            String tokenCommand) {

        public enum Selection { UNSEEN, ALL }

        public int effectivePort() {
            return port != null ? port : security.defaultPort();
        }

        /** The account as it appears in event rows: identity of a message is (mailbox, folder, UIDVALIDITY, UID). */
        public String mailbox() {
            return user + "@" + host;
        }

        @AssertTrue(message = "bounce-sweeper.imap.auth=PASSWORD needs bounce-sweeper.imap.password; "
                + "XOAUTH2 needs exactly one of bounce-sweeper.imap.token, token-file and token-command")
        public boolean isCredentialGiven() {
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
            return "Imap[" + security + "://" + user + "@" + host + ":" + effectivePort() + "/" + folder
                    + ", auth=" + auth + ", password=****]";
        }
    }

    public record Db(
            @NotBlank String url,
            String user,
            String password,
            @Min(2) @Max(64) @DefaultValue("6") int poolSize) {

        @Override
        public String toString() {
            return "Db[" + url + ", user=" + user + ", password=****]";
        }
    }

    /** When a recipient is suppressed. */
    public record Policy(
            @Min(3) @Max(5) @DefaultValue("3") int softThreshold,
            @NotNull @DefaultValue("30d") Duration softWindow) {

        @AssertTrue(message = "bounce-sweeper.policy.soft-window must be between 1 hour and 366 days")
        public boolean isSoftWindowSensible() {
            return softWindow == null
                    || (softWindow.compareTo(Duration.ofHours(1)) >= 0 && softWindow.compareTo(Duration.ofDays(366)) <= 0);
        }
    }

    /** Target folders by outcome; "/" separates levels and is mapped to the server's own separator. */
    public record Archive(
            @NotBlank @DefaultValue("Bounces/Hard") String hard,
            @NotBlank @DefaultValue("Bounces/Soft") String soft,
            @NotBlank @DefaultValue("Bounces/Other") String other,
            @NotBlank @DefaultValue("Bounces/Unparsed") String unparsed) {
    }
}
