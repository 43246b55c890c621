package io.bouncesweeper.parse;

/**
 * A decoder recognised its report shape but the report itself is broken (a notification whose
 * JSON does not parse). The parser turns it into an UNPARSED message that names the decoder and
 * the defect, so the mail goes to quarantine rather than being read by a looser decoder.
 */
public class MalformedReportException extends RuntimeException {
    public MalformedReportException(String decoder, String defect, Throwable cause) {
        super("malformed " + decoder + " report: " + defect, cause);
    }
}
