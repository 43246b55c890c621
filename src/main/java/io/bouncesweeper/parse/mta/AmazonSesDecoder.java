package io.bouncesweeper.parse.mta;

import io.bouncesweeper.smtp.Command;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.Decoder;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.parse.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Amazon SES notifications delivered by SNS e-mail: a JSON document with notificationType
 * Bounce, Complaint or Delivery. (SES bounces sent as DSNs go through the RFC 3464 reader.)
 */
final class AmazonSesDecoder implements Decoder {
    static final String NAME = "AmazonSES";

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
        Object root = MiniJson.parse(json);
        String type = MiniJson.str(root, "notificationType");
        if (type == null) {
            return List.of();
        }
        List<DeliveryRecord> out = new ArrayList<>();
        switch (type.toLowerCase(Locale.ROOT)) {
            case "bounce" -> {
                Map<String, Object> bounce = MiniJson.obj(root, "bounce");
                String reporting = MiniJson.str(bounce, "reportingMTA");
                for (Object r : MiniJson.list(bounce, "bouncedRecipients")) {
                    String diag = Text.afterType(MiniJson.str(r, "diagnosticCode"));
                    Reply.Pair pair = diag == null ? null : Reply.lastFailurePair(diag);
                    String status = pair != null ? pair.status() : MiniJson.str(r, "status");
                    out.add(DeliveryRecord.builder(RecordKind.BOUNCE)
                            .recipient(MiniJson.str(r, "emailAddress"))
                            .action(MiniJson.str(r, "action"))
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
                Map<String, Object> complaint = MiniJson.obj(root, "complaint");
                String feedback = MiniJson.str(complaint, "complaintFeedbackType");
                for (Object r : MiniJson.list(complaint, "complainedRecipients")) {
                    out.add(DeliveryRecord.builder(RecordKind.COMPLAINT)
                            .recipient(MiniJson.str(r, "emailAddress"))
                            .feedbackType(feedback == null ? "abuse" : feedback.toLowerCase(Locale.ROOT))
                            .decoder(NAME)
                            .build());
                }
            }
            case "delivery" -> {
                Map<String, Object> delivery = MiniJson.obj(root, "delivery");
                String smtp = MiniJson.str(delivery, "smtpResponse");
                Reply.Pair pair = smtp == null ? null : Reply.lastPair(smtp);
                for (Object r : MiniJson.list(delivery, "recipients")) {
                    if (r instanceof String address) {
                        out.add(DeliveryRecord.builder(RecordKind.DELIVERED)
                                .recipient(address)
                                .action("delivered")
                                .status(pair != null ? pair.status() : null)
                                .replyCode(pair != null ? pair.replyCode() : null)
                                .diagnostic(smtp)
                                .remoteMta(MiniJson.str(delivery, "remoteMtaIp"))
                                .reportingMta(MiniJson.str(delivery, "reportingMTA"))
                                .decoder(NAME)
                                .build());
                    }
                }
            }
            default -> { }
        }
        return out;
    }
}
