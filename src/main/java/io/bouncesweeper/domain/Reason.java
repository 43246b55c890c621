package io.bouncesweeper.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Why a delivery failed, in the vocabulary of the Sisimai bounce analyzer so results compare. */
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
    TOO_MANY_CONN("toomanyconn"),
    MESG_TOO_BIG("mesgtoobig"),
    CONTENT_ERROR("contenterror"),
    NO_RELAYING("norelaying"),
    BAD_REPUTATION("badreputation"),
    SPEEDING("speeding"),
    SYNTAX_ERROR("syntaxerror"),
    VIRUS_DETECTED("virusdetected"),
    EXCEED_LIMIT("exceedlimit"),
    ON_HOLD("onhold"),
    SYSTEM_FULL("systemfull"),
    NOT_COMPLIANT_RFC("notcompliantrfc"),
    FAILED_STARTTLS("failedstarttls"),
    EMPTY_ADDRESS("emptyaddress"),
    UNDEFINED("undefined"),
    DELIVERED("delivered"),
    FEEDBACK("feedback"),
    VACATION("vacation");

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
        Reason r = BY_CODE.get(code.trim().toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new IllegalArgumentException("unknown reason '" + code + "', expected one of " + BY_CODE.keySet());
        }
        return r;
    }
}
