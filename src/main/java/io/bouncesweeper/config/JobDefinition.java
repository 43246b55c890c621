package io.bouncesweeper.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.bouncesweeper.domain.UidRange;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What one job does: read in {@code jobs/<name>.yml}. Several mailbox entries run in parallel,
 * as Spring Batch partitions. Passwords never appear here: an entry names the environment
 * variable holding its password, or uses the default account's.
 *
 * @param select       UNSEEN (new mail, the nightly default) or ALL (reprocessing historic folders)
 * @param since        only mail received on or after this day (IMAP SEARCH SINCE)
 * @param before       only mail received before this day (IMAP SEARCH BEFORE)
 * @param dryRun       decide and report, but write nothing and move nothing
 * @param keepInPlace  store the results but leave the mail where it is
 * @param correlation  original headers and VERP pattern that tie a bounce to the sent mail
 * @param listUpdates  the operator's own SQL per change of list state
 * @param alerts       when a run warns of sender-side failures, and whether they fail it
 */
public record JobDefinition(
        String name,
        String description,
        String schedule,
        @NotEmpty List<@Valid @NotNull Mailbox> mailboxes,
        @NotNull @DefaultValue("UNSEEN") Selection select,
        LocalDate since,
        LocalDate before,
        @DefaultValue("false") boolean dryRun,
        @DefaultValue("false") boolean keepInPlace,
        @Min(1) @Max(10_000) @DefaultValue("200") int chunkSize,
        @Valid @NotNull @DefaultValue Policy policy,
        @Valid @NotNull @DefaultValue Archive archive,
        @Valid @NotNull @DefaultValue Correlation correlation,
        @Valid @NotNull @DefaultValue ListUpdates listUpdates,
        @Valid @NotNull @DefaultValue Alerts alerts) {

    public enum Selection { UNSEEN, ALL }

    /**
     * One folder to sweep. Connection fields left out come from {@code bounce-sweeper.imap.*}.
     *
     * @param passwordEnv name of the environment variable that holds this account's password
     * @param oauth2      log in by OAUTHBEARER or XOAUTH2 with tokens from this grant instead of a password
     * @param identity    how the account is recorded with each message and named in locks; default
     *                    {@code user@host}. Only needed to tell apart two servers on one host (different
     *                    ports) with the same user; changing it for an account already swept makes its
     *                    stored mail look new to duplicate detection.
     * @param uidFrom     read only messages with this UID or above (both ends included; left out: from the first)
     * @param uidTo       read only messages with this UID or below (left out: to the last). With {@code uid-from},
     *                    splits one huge folder over several processes or pods, each given a disjoint range
     *                    (docs/deploy.md, "One huge folder across machines")
     */
    public record Mailbox(
            @NotBlank String folder,
            String host,
            @Min(1) @Max(65_535) Integer port,
            String user,
            String passwordEnv,
            ImapSecurity security,
            @Size(max = 255) String identity,
            @Valid OAuth2Settings oauth2,
            @Min(1) @Max(UidRange.MAX_UID) Long uidFrom,
            @Min(1) @Max(UidRange.MAX_UID) Long uidTo) {

        public static Mailbox folder(String folder) {
            return new Mailbox(folder, null, null, null, null, null, null, null, null, null);
        }

        @AssertTrue(message = "password-env and oauth2: an entry logs in one way, give only one of them")
        public boolean isOneLoginGiven() {
            return passwordEnv == null || oauth2 == null;
        }

        @AssertTrue(message = "uid-from must not be above uid-to")
        public boolean isUidRangeOrdered() {
            return uidFrom == null || uidTo == null || uidFrom <= uidTo;
        }

        /** The part of the folder this entry reads. */
        public UidRange uids() {
            return UidRange.of(uidFrom, uidTo);
        }

        Mailbox withUids(Long from, Long to) {
            return new Mailbox(folder, host, port, user, passwordEnv, security, identity, oauth2, from, to);
        }
    }

    /**
     * When a recipient is suppressed: see {@code io.bouncesweeper.store.RecipientPolicy}.
     *
     * @param softThreshold soft bounces (1–10) within the window that suppress an address
     * @param softWindow    the sliding window; older soft bounces no longer count
     * @param reasonGroups  path of a TSV (reason, group) whose rows override store/reason-groups.tsv
     * @param allowList     addresses and domains that are never suppressed
     */
    public record Policy(
            @Min(1) @Max(10) @DefaultValue("3") int softThreshold,
            @NotNull @DefaultValue("30d") Duration softWindow,
            String reasonGroups,
            List<String> allowList) {

        public Policy {
            allowList = allowList == null ? List.of() : List.copyOf(allowList);
        }

        @AssertTrue(message = "soft-window must be between 1 hour and 366 days")
        public boolean isSoftWindowSensible() {
            return softWindow == null
                    || (softWindow.compareTo(Duration.ofHours(1)) >= 0 && softWindow.compareTo(Duration.ofDays(366)) <= 0);
        }
    }

    /**
     * Target folders by outcome; "/" separates levels and is mapped to the server's own separator.
     *
     * @param notices mail holding only delay warnings, challenge-response requests and read receipts
     */
    public record Archive(
            @NotBlank @DefaultValue("Bounces/Hard") String hard,
            @NotBlank @DefaultValue("Bounces/Soft") String soft,
            @NotBlank @DefaultValue("Bounces/Other") String other,
            @NotBlank @DefaultValue("Bounces/Unparsed") String unparsed,
            @NotBlank @DefaultValue("Bounces/Other") String notices) {
    }

    /**
     * Correlation with the sent mail, stored on each event.
     *
     * @param campaignHeader   original header stored as campaign_id
     * @param subscriberHeader original header stored as subscriber_id
     * @param listHeader       original header stored as list_id
     * @param extraHeaders     further original headers kept in the correlation column
     * @param verp             VERP return path, e.g. {@code bounces+{local}={domain}@example.com}
     */
    public record Correlation(
            @DefaultValue("X-Campaign-Id") String campaignHeader,
            @DefaultValue("X-Subscriber-Id") String subscriberHeader,
            @DefaultValue("List-Id") String listHeader,
            List<String> extraHeaders,
            String verp) {

        public Correlation {
            extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
        }

        @AssertTrue(message = "verp must contain {local} and {domain}")
        public boolean isVerpComplete() {
            return verp == null || verp.isBlank() || verp.contains("{local}") && verp.contains("{domain}");
        }
    }

    /**
     * SQL run in the chunk's transaction when an address enters a state, with bound parameters
     * :email :status :previous_status :reason :explanation :event_id :campaign_id :subscriber_id
     * :list_id :changed_at.
     */
    public record ListUpdates(String onSuppressed, String onComplained, String onSoftBouncing, String onActive) {
    }

    /**
     * Sender-side alerts: failures that say the sending side is blocked (reputation, blocklist,
     * authentication, rate; reason group {@code sender}) are the mailbox's most urgent news. A run
     * that stored at least {@code senderSideThreshold} of them for one receiving provider (or, where
     * the provider is unknown, one sending IP) logs one WARN for it with the advice and counts it in
     * the metrics; with {@code failRun} the process then exits with code 4.
     *
     * @param senderSideThreshold sender-side failures of one run, per provider, that raise an alert
     * @param failRun             exit with code 4 (instead of 0) when a completed run raised an alert
     */
    public record Alerts(
            @Min(1) @Max(1_000_000) @DefaultValue("10") int senderSideThreshold,
            @DefaultValue("false") boolean failRun) {
    }

    @AssertTrue(message = "since must be before before")
    public boolean isDateRangeOrdered() {
        return since == null || before == null || since.isBefore(before);
    }

    public JobDefinition withName(String newName) {
        return new JobDefinition(newName, description, schedule, mailboxes, select, since, before, dryRun, keepInPlace,
                chunkSize, policy, archive, correlation, listUpdates, alerts);
    }

    /** The definition as one run asked for it: command-line options win over the file. */
    public JobDefinition with(RunOverrides o) {
        List<Mailbox> chosen = o.folder() != null ? List.of(Mailbox.folder(o.folder())) : mailboxes;
        if (o.uidFrom() != null || o.uidTo() != null) {
            chosen = chosen.stream().map(m -> m.withUids(o.uidFrom(), o.uidTo())).toList();
        }
        return new JobDefinition(name, description, schedule,
                chosen,
                o.select() != null ? o.select() : select,
                o.since() != null ? o.since() : since,
                o.before() != null ? o.before() : before,
                dryRun || o.dryRun(),
                keepInPlace || o.keepInPlace(),
                chunkSize, policy, archive, correlation, listUpdates, alerts);
    }
}
