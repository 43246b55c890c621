package io.bouncesweeper.domain;

import java.util.List;
import java.util.Locale;

/** Which archive folder a processed message goes to. */
public enum ArchiveCategory {
    HARD, SOFT, OTHER, UNPARSED,
    /** Only notices (delays, challenges, receipts): nothing in it counts against a recipient. */
    NOTICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A message with any hard failure is filed as hard, else with any soft failure as soft, else
     * as a notice when every record is one ({@link RecordKind#isNotice()}), else as other.
     */
    public static ArchiveCategory of(ParseOutcome outcome, List<ClassifiedRecord> records) {
        if (outcome == ParseOutcome.UNPARSED) {
            return UNPARSED;
        }
        boolean soft = false;
        boolean onlyNotices = !records.isEmpty();
        for (ClassifiedRecord r : records) {
            onlyNotices &= r.record().kind().isNotice();
            if (r.record().kind() != RecordKind.BOUNCE) {
                continue;
            }
            BounceClass c = r.classification().bounceClass();
            if (c == BounceClass.HARD) {
                return HARD;
            }
            soft |= c == BounceClass.SOFT;
        }
        return soft ? SOFT : onlyNotices ? NOTICE : OTHER;
    }
}
