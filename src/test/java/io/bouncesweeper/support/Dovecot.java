package io.bouncesweeper.support;

import io.bouncesweeper.config.ImapSecurity;

/**
 * The Dovecot started by scripts/services.sh, described by the BOUNCE_SWEEPER_TEST_DOVECOT_*
 * variables it writes to its env.sh. Dovecot tests run only with -Dbounce-sweeper.dovecot.tests=true
 * (as .ci/run does).
 */
public final class Dovecot {
    public static final String ENABLED_PROPERTY = "bounce-sweeper.dovecot.tests";

    private Dovecot() {
    }

    public static TestMailbox imaps() {
        return new TestMailbox(env("HOST"), Integer.parseInt(env("IMAPS_PORT")), ImapSecurity.IMAPS,
                env("USER"), env("PASSWORD"), env("CERT"));
    }

    public static TestMailbox starttls() {
        return new TestMailbox(env("HOST"), Integer.parseInt(env("PORT")), ImapSecurity.STARTTLS,
                env("USER"), env("PASSWORD"), env("CERT"));
    }

    private static String env(String name) {
        String value = System.getenv("BOUNCE_SWEEPER_TEST_DOVECOT_" + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("BOUNCE_SWEEPER_TEST_DOVECOT_" + name + " is not set: start Dovecot with "
                    + "scripts/services.sh and source the env.sh it writes (or run .ci/run)");
        }
        return value;
    }
}
