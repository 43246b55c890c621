package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimeReader;
import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.parse.mime.Mbox;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.OriginalMessage;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parser the job uses: bounded MIME walk, then complaint, bounce and auto-reply decoders in
 * that order. Stateless after construction, so one instance serves every thread.
 *
 * <p>Outcomes: PARSED when any decoder produced records; UNPARSED when the input has no header
 * block, a decoder found its report malformed ({@link MalformedReportException}), or it looks like
 * a bounce but no recipient could be read (worth a human look); NOT_A_REPORT
 * otherwise. An mbox file yields the records of all its messages, in order; its first message
 * gives the Message-ID, Date and original message.
 */
public final class DefaultBounceParser implements BounceParser {
    /** Original-message headers kept by default to correlate a bounce with what was sent. */
    public static final List<String> DEFAULT_ORIGINAL_HEADERS = List.of("X-Campaign-Id", "X-Subscriber-Id",
            "List-Id", "List-Unsubscribe", "Subject", "From", "To", "Return-Path");

    private static final List<String> BOUNCE_SUBJECTS = PhraseList.load("parse/bounce-subjects.txt");
    private static final List<String> DAEMON_SENDERS = List.of("mailer-daemon", "mailer daemon", "postmaster", "post_master",
            "mail delivery", "mail-daemon", "maildaemon", "mdaemon");

    private final OriginalHeaders originalHeaders;
    private final ParseTables tables;
    private final DecoderTable decoders;
    private final Decoder autoReply = new AutoReplyDecoder();
    private final Notices notices = new Notices();

    public DefaultBounceParser() {
        this(DEFAULT_ORIGINAL_HEADERS);
    }

    public DefaultBounceParser(List<String> originalHeaderNames) {
        this(originalHeaderNames, ParseTables.builtIn());
    }

    /** @param tables the built-in parser tables, or those with an operator's folders read first */
    public DefaultBounceParser(List<String> originalHeaderNames, ParseTables tables) {
        this.originalHeaders = new OriginalHeaders(originalHeaderNames);
        this.tables = tables;
        this.decoders = DecoderTable.standard(tables);
    }

    /** The tables this parser was built from: a parser for other original headers is built from the same. */
    public ParseTables tables() {
        return tables;
    }

    @Override
    public ParsedMessage parse(byte[] raw) {
        try {
            return parseUnsafe(raw);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return ParsedMessage.unparsed(null, "parser failure: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + truncate(e.getMessage())));
        }
    }

    private ParsedMessage parseUnsafe(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return ParsedMessage.unparsed(null, "empty message");
        }
        List<MimeReader.Slice> messages = Mbox.split(raw);
        List<DeliveryRecord> records = new ArrayList<>();
        ParsedMessage first = null;
        for (MimeReader.Slice m : messages) {
            byte[] bytes = m.off() == 0 && m.len() == raw.length ? raw
                    : java.util.Arrays.copyOfRange(m.b(), m.off(), m.off() + m.len());
            ParsedMessage one = parseOne(bytes);
            if (first == null) {
                first = one;
            }
            records.addAll(one.records());
        }
        if (messages.size() == 1 || first == null) {
            return first;
        }
        if (records.isEmpty()) {
            return first;
        }
        return new ParsedMessage(ParseOutcome.PARSED, first.messageId(), first.date(), first.original(), records, null);
    }

    private ParsedMessage parseOne(byte[] raw) {
        MimePart root = MimeReader.read(raw);
        Headers h = root.headers();
        if (h.isEmpty()) {
            return ParsedMessage.unparsed(null, "no header block: not a mail message");
        }
        Mail mail = new Mail(root);
        String messageId = trim(h.getRaw("Message-ID")); // verbatim: a msg-id holds no encoded words
        Instant date = MailDates.parse(h.get("Date"));
        MimePart original = mail.original();
        OriginalMessage orig = originalHeaders.of(original == null ? null : original.headers());

        List<DeliveryRecord> decoded;
        try {
            decoded = decoders.decode(mail);
        } catch (MalformedReportException e) {
            return new ParsedMessage(ParseOutcome.UNPARSED, messageId, date, orig, List.of(), truncate(e.getMessage()));
        }
        // the refused command where only the notification's transcript or wording says it
        List<DeliveryRecord> records = notices.refine(mail, SmtpCommands.fill(mail, decoded));
        if (records.isEmpty() && !looksLikeBounce(mail) && autoReply.recognises(mail)) {
            records = autoReply.decode(mail);
        }
        if (!records.isEmpty()) {
            return new ParsedMessage(ParseOutcome.PARSED, messageId, date, orig, records, null);
        }
        if (looksLikeBounce(mail)) {
            return new ParsedMessage(ParseOutcome.UNPARSED, messageId, date, orig, List.of(),
                    "looks like a delivery report but no recipient could be read");
        }
        return new ParsedMessage(ParseOutcome.NOT_A_REPORT, messageId, date, orig, List.of(), null);
    }

    /** Sent by a mail system (MAILER-DAEMON, postmaster ...) or declared a delivery report by its content type. */
    public static boolean fromMailSystem(Mail mail) {
        if (mail.root().mimeType().equals("multipart/report")) {
            return true;
        }
        String from = mail.from().toLowerCase(Locale.ROOT);
        for (String d : DAEMON_SENDERS) {
            if (from.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** From a mail system, or a subject that announces a delivery failure (a person's "Re:" to one does not count). */
    public static boolean looksLikeBounce(Mail mail) {
        if (mail.root().mimeType().equals("multipart/report")) {
            String rt = mail.root().contentType().reportType();
            return rt == null || !rt.toLowerCase(Locale.ROOT).contains("disposition-notification");
        }
        if (fromMailSystem(mail)) {
            return true;
        }
        String s = mail.subjectLower().stripLeading();
        boolean reply = s.startsWith("re:") || s.startsWith("fw:") || s.startsWith("fwd:") || s.startsWith("aw:")
                || s.startsWith("wg:");
        return !reply && PhraseList.containsAny(s, BOUNCE_SUBJECTS);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
