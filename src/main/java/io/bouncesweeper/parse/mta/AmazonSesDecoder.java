package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.Decoder;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.MalformedReportException;
import io.bouncesweeper.parse.Text;
import io.bouncesweeper.smtp.Command;
import io.bouncesweeper.smtp.Reply;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amazon SES notifications delivered by SNS e-mail: a JSON document with notificationType
 * Bounce, Complaint or Delivery. (SES bounces sent as DSNs go through the RFC 3464 reader.)
 */
final class AmazonSesDecoder implements Decoder {
    static final String NAME = "AmazonSES";
    /**
     * Nesting capped as for MIME (a notification is four levels deep); the document is cut from the
     * first '{' to the last '}', so text after the JSON value (an SNS footer) is no defect.
     */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        String text = mail.text();
        int brace = text.indexOf('{');
        return brace >= 0 && brace < 200 && text.indexOf("\"notificationType\"") > 0;
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String text = mail.text();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return List.of();
        }
        // SNS folds long lines: "...!\n " or "\n " continues the previous line
        String json = text.substring(start, end + 1).replace("!\n ", "").replace("\n ", "");
        JsonNode root = parse(json);
        String type = str(root, "notificationType");
        if (type == null) {
            return List.of();
        }
        List<DeliveryRecord> out = new ArrayList<>();
        switch (type.toLowerCase(Locale.ROOT)) {
            case "bounce" -> {
                JsonNode bounce = root.path("bounce");
                String reporting = str(bounce, "reportingMTA");
                for (JsonNode r : list(bounce, "bouncedRecipients")) {
                    String diag = Text.afterType(str(r, "diagnosticCode"));
                    Reply.Pair pair = diag == null ? null : Reply.lastFailurePair(diag);
                    String status = pair != null ? pair.status() : str(r, "status");
                    out.add(DeliveryRecord.builder(RecordKind.BOUNCE)
                            .recipient(str(r, "emailAddress"))
                            .action(str(r, "action"))
                            .status(status)
                            .replyCode(pair != null ? pair.replyCode() : diag == null ? null : Reply.find(diag))
                            .diagnostic(diag)
                            .reportingMta(Text.afterType(reporting))
                            .smtpCommand(Command.inWording(diag))
                            .decoder(NAME)
                            .build());
                }
            }
            case "complaint" -> {
                JsonNode complaint = root.path("complaint");
                String feedback = str(complaint, "complaintFeedbackType");
                for (JsonNode r : list(complaint, "complainedRecipients")) {
                    out.add(DeliveryRecord.builder(RecordKind.COMPLAINT)
                            .recipient(str(r, "emailAddress"))
                            .feedbackType(feedback == null ? "abuse" : feedback.toLowerCase(Locale.ROOT))
                            .decoder(NAME)
                            .build());
                }
            }
            case "delivery" -> {
                JsonNode delivery = root.path("delivery");
                String smtp = str(delivery, "smtpResponse");
                Reply.Pair pair = smtp == null ? null : Reply.lastPair(smtp);
                for (JsonNode r : list(delivery, "recipients")) {
                    if (r.isString()) {
                        out.add(DeliveryRecord.builder(RecordKind.DELIVERED)
                                .recipient(r.stringValue())
                                .action("delivered")
                                .status(pair != null ? pair.status() : null)
                                .replyCode(pair != null ? pair.replyCode() : null)
                                .diagnostic(smtp)
                                .remoteMta(str(delivery, "remoteMtaIp"))
                                .reportingMta(str(delivery, "reportingMTA"))
                                .decoder(NAME)
                                .build());
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedReportException(NAME, "its JSON does not parse: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    /** An array member's elements; none when missing or not an array. */
    private static Iterable<JsonNode> list(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isArray() ? v.values() : List.of();
    }

    /** A string member; null when missing or of another JSON type (SES sends every field used here as a string). */
    private static String str(JsonNode node, String key) {
        return node.path(key).stringValue(null);
    }
}
