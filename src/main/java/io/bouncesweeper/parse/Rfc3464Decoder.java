package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.smtp.Command;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.smtp.Status;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Standard delivery status notifications (RFC 3464): one record per recipient group of each
 * message/delivery-status part. MTA decoders that produce standard reports reuse
 * {@link #records} and add what their human-readable part knows beyond it.
 */
public final class Rfc3464Decoder implements Decoder {
    public static final String NAME = "RFC3464";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        return !mail.partsOf("message/delivery-status", "message/global-delivery-status").isEmpty();
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        return completeFromText(mail, records(mail, NAME));
    }

    /**
     * Many reports carry no SMTP reply in the delivery-status part (a local exit code, an empty
     * Diagnostic-Code, a generic 5.0.0) while the human-readable part quotes the remote server.
     * Fills the gaps from the lines of the notification that name the recipient.
     */
    public static List<DeliveryRecord> completeFromText(Mail mail, List<DeliveryRecord> records) {
        List<DeliveryRecord> out = new ArrayList<>(records.size());
        TextReport.Lines lines = null;
        for (DeliveryRecord r : records) {
            if (r.smtpCommand() == null && r.recipient() != null) {
                // the refused command separates a directory's "unknown user" (RCPT) from a filter's (after DATA)
                if (lines == null) {
                    lines = TextReport.lines(mail, TextReport.Markers.NONE);
                }
                String command = TextReport.commandAbout(lines, r.recipient());
                if (command != null) {
                    r = r.toBuilder().smtpCommand(command).build();
                }
            }
            boolean weak = r.replyCode() == null || r.status() == null || isGeneric(r.status());
            if (!weak || r.recipient() == null) {
                out.add(r);
                continue;
            }
            if (lines == null) {
                lines = TextReport.lines(mail, TextReport.Markers.NONE);
            }
            String found = TextReport.codeLinesAbout(lines, r.recipient(), records.size() == 1);
            if (found == null) {
                // no code in the text either: its words about the recipient still explain more than nothing
                String words = r.diagnostic() == null || r.diagnostic().isBlank() ? TextReport.linesAbout(lines, r.recipient()) : null;
                out.add(words == null ? r : r.toBuilder().diagnostic(words).build());
                continue;
            }
            DeliveryRecord t = TextReport.record(r.recipient(), found, r.decoder());
            DeliveryRecord.Builder b = r.toBuilder();
            if (r.replyCode() == null && t.replyCode() != null
                    && (r.status() == null || t.replyCode().charAt(0) == r.status().charAt(0))) {
                b.replyCode(t.replyCode());
            }
            if (t.status() != null && (r.status() == null || isGeneric(r.status()) && t.status().charAt(0) == r.status().charAt(0))) {
                b.status(t.status());
            }
            if (r.diagnostic() == null || r.diagnostic().isBlank() || Reply.find(r.diagnostic()) == null
                    && Status.first(r.diagnostic()) == null) {
                b.diagnostic(t.diagnostic());
            }
            if (r.smtpCommand() == null) {
                b.smtpCommand(t.smtpCommand());
            }
            if (r.remoteMta() == null) {
                b.remoteMta(t.remoteMta());
            }
            out.add(b.build());
        }
        return out;
    }

    public static List<DeliveryRecord> records(Mail mail, String decoder) {
        List<DeliveryRecord> out = new ArrayList<>();
        for (MimePart part : mail.partsOf("message/delivery-status", "message/global-delivery-status")) {
            out.addAll(records(DeliveryStatus.parse(part), decoder));
            if (!out.isEmpty()) {
                break; // a second report part is the original's, forwarded along
            }
        }
        return out;
    }

    public static List<DeliveryRecord> records(DeliveryStatus ds, String decoder) {
        List<DeliveryRecord> out = new ArrayList<>();
        String reportingMta = Text.afterType(ds.perMessage().get("Reporting-MTA"));
        for (Headers r : ds.perRecipient()) {
            DeliveryRecord rec = record(r, ds.perMessage(), reportingMta, decoder);
            if (rec != null) {
                out.add(rec);
            }
        }
        return out;
    }

    private static DeliveryRecord record(Headers r, Headers perMessage, String reportingMta, String decoder) {
        String finalRcpt = address(r.getRaw("Final-Recipient"));
        String origRcpt = address(r.getRaw("Original-Recipient"));
        if (finalRcpt == null && origRcpt == null) {
            finalRcpt = address(r.getRaw("X-Actual-Recipient"));
            if (finalRcpt == null) {
                return null;
            }
        }
        String action = lower(r.get("Action"));
        String statusField = firstNonNull(r.get("Status"), perMessage.get("Status"));
        String status = Status.field(statusField);
        String rawDiagnostic = firstNonNull(r.get("Diagnostic-Code"), perMessage.get("Diagnostic-Code"));
        if (rawDiagnostic == null && status == null && statusField != null && !statusField.isBlank()) {
            rawDiagnostic = statusField; // a server's reply put into Status ("Status: 553 Exceeded maximum inbound message size")
        }
        // "X-Unix; 255" is a local exit code, not an SMTP reply
        boolean exitCode = rawDiagnostic != null && rawDiagnostic.trim().toLowerCase(Locale.ROOT).startsWith("x-unix");
        String diagnostic = Text.afterType(rawDiagnostic);
        diagnostic = Squash.of(diagnostic);
        String reply = null;
        if (diagnostic != null) {
            // the remote server's own "550 5.7.1" outranks the reporting MTA's summary status
            boolean failed = kindOf(lower(r.get("Action")), status) == RecordKind.BOUNCE;
            Reply.Pair pair = failed ? Reply.lastFailurePair(diagnostic) : Reply.lastPair(diagnostic);
            if (pair != null) {
                status = pair.status();
                reply = pair.replyCode();
            } else if (!exitCode) {
                reply = Reply.find(diagnostic);
                if (reply == null) {
                    reply = Reply.firstInText(diagnostic);
                }
                String fromDiagnostic = Status.first(diagnostic);
                if (fromDiagnostic != null && (status == null || isGeneric(status) && !isGeneric(fromDiagnostic))) {
                    status = fromDiagnostic;
                }
            }
        }
        RecordKind kind = kindOf(action, status);
        return DeliveryRecord.builder(kind)
                .recipient(finalRcpt != null ? finalRcpt : origRcpt)
                .originalRecipient(origRcpt)
                .action(action)
                .status(status)
                .replyCode(reply)
                .diagnostic(diagnostic)
                .remoteMta(remoteMta(r.get("Remote-MTA"), diagnostic))
                .reportingMta(reportingMta)
                .lastAttemptDate(r.get("Last-Attempt-Date"))
                .smtpCommand(Command.inWording(diagnostic))
                .decoder(decoder)
                .build();
    }

    /** Remote-MTA without its type; when absent, the host the diagnostic names. */
    private static String remoteMta(String field, String diagnostic) {
        String v = Text.afterType(field);
        return v != null && !v.isEmpty() ? v : Text.remoteHost(diagnostic);
    }

    static RecordKind kindOf(String action, String status) {
        if (action != null) {
            if (action.startsWith("deliver") || action.startsWith("relay") || action.startsWith("expand")) {
                return RecordKind.DELIVERED;
            }
            if (action.startsWith("fail") || action.startsWith("delay")) {
                return RecordKind.BOUNCE;
            }
        }
        return status != null && status.startsWith("2.") ? RecordKind.DELIVERED : RecordKind.BOUNCE;
    }

    static boolean isGeneric(String status) {
        return status.endsWith(".0.0");
    }

    /**
     * The address in a recipient field, given its raw value; a pipe, file, bare local part or
     * anything that is not one plausible addr-spec is no address (see {@link Addresses#fromField}).
     */
    static String address(String rawField) {
        return Addresses.fromField(rawField);
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
