package io.bouncesweeper.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a delivery failed, in the vocabulary of the Sisimai bounce analyzer (5.6 and later) so results
 * compare. The words Sisimai used before 5.6 still read, as the reason that replaced them, so older
 * operator tables, stored rows and corpus labels keep working (Sisimai's ChangeLog of 5.6.0).
 */
public enum Reason {
    USER_UNKNOWN("userunknown"),
    MAILBOX_FULL("mailboxfull"),
    HOST_UNKNOWN("hostunknown"),
    FILTERED("filtered"),
    REJECTED("rejected"),
    BLOCKED("blocked"),
    SPAM_DETECTED("spamdetected"),
    EXPIRED("expired"),
    SUSPEND("suspend"),
    AUTH_FAILURE("authfailure"),
    REQUIRE_PTR("requireptr"),
    POLICY_VIOLATION("policyviolation"),
    SECURITY_ERROR("securityerror"),
    SYSTEM_ERROR("systemerror"),
    NETWORK_ERROR("networkerror"),
    NOT_ACCEPT("notaccept"),
    MAILER_ERROR("mailererror"),
    HAS_MOVED("hasmoved"),
    RATE_LIMITED("ratelimited"),
    EMAIL_TOO_LARGE("emailtoolarge"),
    CONTENT_ERROR("contenterror"),
    NO_RELAYING("norelaying"),
    BAD_REPUTATION("badreputation"),
    SYNTAX_ERROR("syntaxerror"),
    VIRUS_DETECTED("virusdetected"),
    ON_HOLD("onhold"),
    SYSTEM_FULL("systemfull"),
    NOT_COMPLIANT_RFC("notcompliantrfc"),
    FAILED_STARTTLS("failedstarttls"),
    SUPPRESSED("suppressed"),
    EMPTY_ADDRESS("emptyaddress"),
    UNDEFINED("undefined"),
    DELIVERED("delivered"),
    FEEDBACK("feedback"),
    VACATION("vacation");

    /** Words of Sisimai before 5.6, and the reason each became. */
    private static final Map<String, Reason> FORMER_WORDS = Map.of(
            "speeding", RATE_LIMITED,
            "toomanyconn", RATE_LIMITED,
            "mesgtoobig", EMAIL_TOO_LARGE,
            "exceedlimit", EMAIL_TOO_LARGE);

    private static final Map<String, Reason> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Reason::code, Function.identity()));

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the unknown word, so a bad rule table fails loudly */
    public static Reason ofCode(String code) {
        String word = code.trim().toLowerCase(Locale.ROOT);
        Reason r = BY_CODE.getOrDefault(word, FORMER_WORDS.get(word));
        if (r == null) {
            throw new IllegalArgumentException("unknown reason '" + code + "', expected one of " + BY_CODE.keySet());
        }
        return r;
    }

    /** The words that read as a reason but are no longer written: those of Sisimai before 5.6. */
    public static Map<String, Reason> formerWords() {
        return FORMER_WORDS;
    }
}
