package io.bouncesweeper.classify;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.smtp.Status;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;

import java.util.Locale;

/**
 * Classifies records by tables loaded once from {@code classify/*.tsv} (see {@link TableSource}).
 *
 * <p>Decision order, first answer wins:
 * <ol>
 *   <li>the record's kind: delivered, complaint, auto-reply, challenge and receipt are no bounces
 *       (a delay is classified as a bounce would be, for analytics, but always soft; a postmaster's
 *       copy of a report exactly as the bounce it copies);</li>
 *   <li>the parser's reason hint, read from the mail's structure (e.g. a queue timeout);</li>
 *   <li>the provider table, for records from a known provider's servers (or an MTA whose own codes
 *       name the cause): final, its rows name the refused command where it matters;</li>
 *   <li>the phrase lists, over the diagnostic text (a weak phrase yields to a specific status);</li>
 *   <li>the status table, by the enhanced status code (the record's, or one found in the text);</li>
 *   <li>the reply-code fallbacks;</li>
 *   <li>a final failure with a 4xx code: expired (the sender's queue gave up);</li>
 *   <li>undefined;</li>
 *   <li>then the refused SMTP command corrects the result (commands.tsv): an unknown address at
 *       MAIL FROM is the sender's, a code-only verdict at CONNECT/HELO means a blocked client, and
 *       unknown-user words after DATA or with no command named are a filter's (Sisimai's reading:
 *       only a refusal at RCPT TO or an X.1.1 code shows the directory said so). A status that
 *       itself names the verdict's reason is not overruled.</li>
 * </ol>
 * Texts come before codes because servers reuse one code for many causes (5.7.1, 5.0.0, 550)
 * while their words say which. A status code inside the diagnostic (the remote server's own)
 * is preferred to the record's when both are of the same class. Hard or soft follows the reason
 * (reasons.tsv), and a 4xx code is always soft; a reason may name another for 4xx codes (an unknown
 * host during a temporary DNS failure is a network error).
 *
 * <p>Immutable after construction: safe for any number of threads.
 */
public final class DefaultBounceClassifier implements BounceClassifier {

    private final ReasonProfiles profiles;
    private final StatusTable statuses;
    private final ProviderTable providers;
    private final PhraseTable phrases;
    private final CommandTable commands;
    private final DiagnosticTypeTable diagnosticTypes;

    /** The built-in tables. */
    public DefaultBounceClassifier() {
        this(TableSource.builtIn());
    }

    /**
     * Tables from the given source, e.g. {@code TableSource.withOverrides(Path.of("/etc/bounce-sweeper/classify"))}.
     *
     * @throws IllegalArgumentException naming table and line when a table is malformed
     */
    public DefaultBounceClassifier(TableSource source) {
        profiles = new ReasonProfiles(source.read(ReasonProfiles.TABLE));
        statuses = new StatusTable(source.read(StatusTable.TABLE));
        providers = new ProviderTable(source.read(ProviderTable.RULES), source.read(ProviderTable.HOSTS));
        phrases = new PhraseTable(source.read(PhraseTable.TABLE), profiles);
        commands = new CommandTable(source.read(CommandTable.TABLE), source.read(CommandTable.PHRASES));
        diagnosticTypes = new DiagnosticTypeTable(source.read(DiagnosticTypeTable.TABLE));
    }

    @Override
    public Classification classify(DeliveryRecord record) {
        try {
            return decide(record);
        } catch (RuntimeException e) {
            // never throw into the batch: an unclassifiable record is stored as undefined, with why
            return new Classification(BounceClass.SOFT, Reason.UNDEFINED, OperatorAction.RETRY, null,
                    "error:" + e.getClass().getSimpleName());
        }
    }

    private Classification decide(DeliveryRecord record) {
        RecordKind kind = record == null || record.kind() == null ? RecordKind.BOUNCE : record.kind();
        switch (kind) {
            case DELIVERED:
                return nonBounce(Reason.DELIVERED, validStatus(record.status(), true), "kind:delivered");
            case COMPLAINT:
                return nonBounce(Reason.FEEDBACK, null, "kind:complaint");
            case AUTOREPLY:
                return nonBounce(Reason.VACATION, null, "kind:autoreply");
            case CHALLENGE: // an automatic response (RFC 3834) asking the sender to prove itself: nothing failed
                return new Classification(BounceClass.NONE, Reason.VACATION, OperatorAction.NONE, null, "kind:challenge");
            case RECEIPT: // a disposition notification (RFC 8098): the message reached its recipient
                return new Classification(BounceClass.NONE, Reason.DELIVERED, OperatorAction.NONE, null, "kind:receipt");
            default:
                break;
        }
        String text = Reply.withoutContinuationCodes(Squash.lowered(record.diagnostic()));
        Codes codes = Codes.of(record, text);
        Verdict v = reasonFor(record, text, codes);

        ReasonProfile profile = profiles.of(v.reason());
        if (codes.codeClass() == '4' && profile.whenTemporary() != null) {
            v = new Verdict(profile.whenTemporary(), null, v.rule() + ">4xx");
            profile = profiles.of(v.reason());
        }
        BounceClass bounceClass = kind == RecordKind.DELAYED ? BounceClass.SOFT : profile.bounceClass(codes.codeClass());
        if (bounceClass == BounceClass.NONE) {
            bounceClass = BounceClass.SOFT; // a bounce record is a failure even when a rule named a non-failure reason
        }
        String status = codes.status() != null ? codes.status() : profile.statusFor(kind == RecordKind.DELAYED ? '4' : codes.codeClass()); // a delay is temporary
        // The action follows the exact reply + status pair when the table knows it, whatever words decided
        // the reason: 553 5.1.3 means "fix the address" even when the text reads like an unknown user.
        OperatorAction pairAction = statuses.actionForPair(codes.reply(), codes.status());
        OperatorAction action = v.action() != null ? v.action() : pairAction != null ? pairAction : profile.action();
        String rule = codes.statusFromText() && v.rule().startsWith("status:") ? v.rule() + "(text)" : v.rule();
        return new Classification(bounceClass, v.reason(), action, status, rule);
    }

    /** Steps 2 to 8 of the decision order, then the command's correction. */
    private Verdict reasonFor(DeliveryRecord record, String text, Codes codes) {
        Verdict v = hint(record.reasonHint());
        if (v != null) {
            return v;
        }
        String command = commands.commandOf(record.smtpCommand(), text);
        v = providers.match(record, codes.reply(), codes.status(), text, command);
        if (v != null) {
            return v; // a provider's own meaning of its answers is final (its rows name the command when it matters)
        }
        if (!text.isEmpty()) {
            v = phrases.match(text);
        }
        if ((v == null || v.weak()) && codes.hasSpecificStatus()) {
            // a specific status is better evidence than a weak phrase
            Verdict byStatus = statuses.byStatus(codes.reply(), codes.status());
            v = byStatus != null ? byStatus : v;
        }
        if (v == null && codes.status() != null) {
            v = statuses.byStatus(codes.reply(), codes.status());
        }
        // only a bare reply code (or nothing) is left to decide; X.7.x's catch-all "security" meaning
        // is no better evidence than a reply code, so the refused command may still say more
        boolean byCodeAlone = v == null || v.reason() == Reason.SECURITY_ERROR && v.rule().startsWith("status:");
        Verdict byType = diagnosticTypes.match(record.diagnosticType(), v);
        if (byType != null) {
            return byType; // a local mailer failed: no SMTP server answered, so no command can correct it
        }
        if (v == null) {
            v = statuses.byReplyCode(codes.reply());
        }
        if (v == null && codes.codeClass() == '4') {
            // a final failure with a temporary code: the sender retried until the queue gave up
            v = new Verdict(Reason.EXPIRED, null, "final-4xx");
        }
        if (v == null) {
            v = new Verdict(Reason.UNDEFINED, null, "undefined");
        }
        // an address status at MAIL FROM is about the sender's address: it confirms no recipient verdict
        if (!byCodeAlone && !"MAIL".equals(command) && statusConfirms(v, codes)) {
            return v; // words and code agree: the command cannot overrule both
        }
        return commands.correct(v, command, byCodeAlone);
    }

    /** Whether the record's enhanced status on its own names the verdict's reason (5.1.1 for an unknown user). */
    private boolean statusConfirms(Verdict v, Codes codes) {
        if (!codes.hasSpecificStatus()) {
            return false;
        }
        Verdict byStatus = statuses.byStatus(null, codes.status());
        return byStatus != null && byStatus.reason() == v.reason();
    }

    /**
     * The codes the rules read: the effective status and where it came from, and the reply code.
     * The remote server's own status (quoted after a reply code in the diagnostic) beats the
     * record's when of the same class and not a bare X.0.0: reports often summarise it ("5.1.0
     * address error" around the server's "550 5.2.2 mailbox full").
     */
    private record Codes(String status, boolean statusFromText, String reply) {

        static Codes of(DeliveryRecord record, String text) {
            String status = validStatus(record.status(), false);
            String remote = Status.lastAfterReply(text);
            boolean fromText = false;
            if (remote != null && !remote.equals(status) && (status == null
                    || (remote.charAt(0) == status.charAt(0) && !remote.endsWith(".0.0")))) {
                status = remote;
                fromText = true;
            } else if (status == null) {
                status = Status.firstFailure(text);
                fromText = status != null;
            }
            String reply = validReply(record.replyCode());
            return new Codes(status, fromText, reply != null ? reply : Reply.opening(text));
        }

        /** '4' or '5' from the status, else from the reply code; '?' when the mail has neither. */
        char codeClass() {
            return status != null ? status.charAt(0) : reply != null ? reply.charAt(0) : '?';
        }

        boolean hasSpecificStatus() {
            return status != null && !status.endsWith(".0.0");
        }
    }

    private Classification nonBounce(Reason reason, String status, String rule) {
        ReasonProfile profile = profiles.of(reason);
        return new Classification(BounceClass.NONE, reason, profile.action(),
                status != null ? status : profile.statusFor('?'), rule);
    }

    private static Verdict hint(String reasonHint) {
        if (reasonHint == null || reasonHint.isBlank()) {
            return null;
        }
        try {
            Reason reason = Reason.ofCode(reasonHint);
            return reason == Reason.UNDEFINED ? null : new Verdict(reason, null, "hint:" + reason.code());
        } catch (IllegalArgumentException unknownWord) {
            return null; // a parser word we do not know is no evidence
        }
    }

    private static String validStatus(String raw, boolean allowSuccess) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        String found = Status.firstFailure(s);
        if (found != null && found.length() == s.length()) {
            return found;
        }
        if (allowSuccess && s.length() >= 5 && s.charAt(0) == '2' && s.charAt(1) == '.') {
            return s;
        }
        return found; // "5.1.1 (bad destination mailbox)" and similar decorations
    }

    private static String validReply(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        return s.length() == 3 && (s.charAt(0) == '4' || s.charAt(0) == '5' || s.charAt(0) == '2')
                && Character.isDigit(s.charAt(1)) && Character.isDigit(s.charAt(2)) ? s.toLowerCase(Locale.ROOT) : null;
    }
}
