package io.bouncesweeper.domain;

import java.util.Arrays;
import java.util.Locale;

/** What an operator should do about a record. The description is what reports show. */
public enum OperatorAction {
    REMOVE("remove the address from the list"),
    RETRY("retry later"),
    WAIT_AND_RETRY("rate limited: wait, then retry"),
    SLOW_DOWN("sending rate too high: slow down"),
    RETRY_AND_NOTIFY("mailbox full: retry later, notify the recipient another way"),
    UPDATE_ADDRESS("recipient moved: update the address"),
    FIX_ADDRESS("address invalid: fix the address"),
    REDUCE_SIZE("message too large: reduce its size"),
    CHECK_AUTHENTICATION_REPUTATION("check sender authentication (SPF/DKIM/DMARC) and IP/domain reputation"),
    REVIEW_CONTENT("review content and SPF/DKIM/DMARC alignment"),
    REQUEST_DELISTING("sending IP banned: request delisting"),
    AUTHENTICATE_JOIN_SNDS("traffic not accepted: authenticate the mail and join Microsoft SNDS"),
    CHECK_CONFIGURATION("check the sending server's configuration"),
    UNSUBSCRIBE("complaint: unsubscribe the recipient"),
    NONE("no action");

    private final String description;

    OperatorAction(String description) {
        this.description = description;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    public static OperatorAction ofCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.code().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown action '" + code + "'"));
    }
}
