package io.bouncesweeper.robust;

/**
 * Fixed GreenMail ports of the robustness tests, away from GreenMail's default 3143 used by the
 * job tests, so both can run on one machine at the same time.
 */
final class RobustPorts {
    static final int GREENMAIL_SECRETS = 3941;
    static final int GREENMAIL_HOSTILE = 3942;

    private RobustPorts() {
    }
}
