package io.bouncesweeper.classify;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;

/**
 * What follows from a reason: hard or soft, the default operator action and the generic status
 * reported when the mail has none.
 *
 * @param genericStatus e.g. {@code 5.1.1}, or {@code X.2.2} where X is the class digit taken from
 *                      the reply code or the bounce class; empty for reasons with no status
 * @param priority      rank among phrase matches, lower wins
 * @param whenTemporary the reason to report instead when the code is 4xx, or null
 */
record ReasonProfile(Reason reason, Severity severity, OperatorAction action, String genericStatus, int priority,
                     Reason whenTemporary) {

    /** Sisimai's notion: hard means the address itself is bad; everything else is soft. */
    enum Severity {
        HARD, SOFT, HARD_IF_5XX, NONE;

        static Severity ofCode(String code) {
            return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * A temporary (4xx) code always makes a record soft, whatever the reason: the server itself
     * said to try again, so no address is dropped on a deferral.
     */
    BounceClass bounceClass(char codeClass) {
        return switch (severity) {
            case NONE -> BounceClass.NONE;
            case SOFT -> BounceClass.SOFT;
            case HARD, HARD_IF_5XX -> codeClass == '4' ? BounceClass.SOFT : BounceClass.HARD;
        };
    }

    String statusFor(char codeClass) {
        if (genericStatus.isEmpty() || genericStatus.charAt(0) != 'X') {
            return genericStatus.isEmpty() ? null : genericStatus;
        }
        // a bounce without any code is a failed delivery: permanent unless the mail said otherwise
        char digit = codeClass == '4' ? '4' : '5';
        return digit + genericStatus.substring(1);
    }
}
