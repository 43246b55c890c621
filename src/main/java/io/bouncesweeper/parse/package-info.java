/**
 * Reading bounce mail: raw bytes in, per-recipient {@link io.bouncesweeper.domain.DeliveryRecord}s out.
 * Plain Java, no Jakarta Mail.
 *
 * <h2>Flow</h2>
 * {@link io.bouncesweeper.parse.DefaultBounceParser} splits an mbox into messages
 * ({@link io.bouncesweeper.parse.mime.Mbox}), walks each with the bounded {@link io.bouncesweeper.parse.mime.MimeReader}, wraps it as
 * a {@link io.bouncesweeper.parse.Mail} (notification text, report parts, original message) and asks
 * the {@link io.bouncesweeper.parse.DecoderTable} (registry {@code parse/decoders.tsv}): complaints (ARF, Microsoft JMRP) and provider
 * notifications (Amazon SES JSON) first, then one decoder per mail-server family in
 * {@code io.bouncesweeper.parse.mta} (likely ones first, by Subject), then the generic readers
 * (RFC 3464 report, report fields written inline, free text). Auto-replies are only considered
 * when no bounce decoder found anything, because bounces carry {@code Auto-Submitted} too.
 * {@link io.bouncesweeper.parse.Notices} then tells notices from failures: read receipts (RFC 8098)
 * and challenge-response requests when no bounce decoder found anything, delay warnings among the
 * bounce records (kinds {@code delayed}, {@code challenge}, {@code receipt}: never counted against
 * a recipient).
 *
 * <h2>Addresses</h2>
 * A wrong recipient suppresses an address that never bounced. Addresses and Message-IDs are read
 * from raw header values ({@link io.bouncesweeper.parse.mime.Headers#getRaw}), never RFC 2047-decoded; a
 * report field must hold one plausible addr-spec ({@link io.bouncesweeper.parse.Addresses}); in free
 * text an address is taken whole (a quoted local part to its opening quote) or not at all
 * ({@link io.bouncesweeper.parse.Text#addressAround}). After the decoders,
 * {@link io.bouncesweeper.parse.SmtpCommands} fills the refused SMTP command from transcripts and
 * standard wording.
 *
 * <h2>Limits</h2>
 * Every dimension of hostile input is capped by a named constant: nesting depth, parts, header
 * bytes ({@link io.bouncesweeper.parse.mime.MimeReader}), decoded bytes per part, notification text
 * ({@link io.bouncesweeper.parse.Mail#MAX_TEXT_CHARS}), recipients per report
 * ({@link io.bouncesweeper.parse.DeliveryStatus#MAX_RECIPIENTS},
 * {@link io.bouncesweeper.parse.TextReport#MAX_RECIPIENTS}), messages per mbox. Scanning is
 * indexOf-style with bounded look-backs; there are no regular expressions on mail content.
 * {@code parse()} never throws.
 *
 * <h2>Data files</h2> (under {@code src/main/resources/parse/})
 * <ul>
 * <li>{@code reason-hints.tsv}: phrases a mail server uses for its own verdicts, per family, to
 * the Sisimai reason word put in {@code reasonHint}.</li>
 * <li>{@code decoder-order.tsv}: Subject fragment to the decoders tried first.</li>
 * <li>{@code original-message-markers.txt}: lines after which a notification quotes the original.</li>
 * <li>{@code delay-markers.tsv}, {@code challenge-markers.tsv}, {@code receipt-markers.tsv}: the
 * notices' subjects, phrases, headers and sender domains.</li>
 * <li>{@code bounce-subjects.txt}, {@code non-recipient-local-parts.txt}.</li>
 * <li>{@code autoreply-subjects.tsv}, {@code autoreply-exclusions.tsv}: what marks an auto-reply (RFC 3834).</li>
 * <li>{@code feedback-types.tsv}: what an ARF report of each Feedback-Type is.</li>
 * </ul>
 */
package io.bouncesweeper.parse;

