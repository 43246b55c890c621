package io.bouncesweeper.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlingRepliesTest {

    @Test
    void exchangeOnlineThrottlingRepliesAreThrottling() {
        assertThat(ThrottlingReplies.isThrottled(new MessagingException("A3 NO Server Unavailable. 15"))).isTrue();
        assertThat(ThrottlingReplies.isThrottled(new MessagingException(
                "AV3 BAD Request is throttled. Suggested Backoff Time: 201317 milliseconds"))).isTrue();
        assertThat(ThrottlingReplies.isThrottled(new MessagingException("A7 NO [THROTTLED] try later"))).isTrue();
    }

    @Test
    void aThrottlingReplyDeepInTheCauseChainCounts() {
        MessagingException wrapped = new MessagingException("fetch failed",
                new CommandFailedException("A9 NO [UNAVAILABLE] Server busy"));
        assertThat(ThrottlingReplies.isThrottled(wrapped)).isTrue();
    }

    @Test
    void gmailConnectionAndBandwidthLimitsAreThrottling() {
        assertThat(ThrottlingReplies.isThrottled(new MessagingException(
                "* BYE [ALERT] Too many simultaneous connections. (Failure)"))).isTrue();
        assertThat(ThrottlingReplies.isThrottled(new MessagingException(
                "A2 NO [OVERQUOTA] Account exceeded command or bandwidth limits."))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ThrottlingReplies.isThrottled(new MessagingException("A3 NO [AUTHENTICATIONFAILED] Invalid credentials")))
                .isFalse();
        assertThat(ThrottlingReplies.isThrottled(new StoreClosedException(null, "* BYE Logging out"))).isFalse();
        assertThat(ThrottlingReplies.isThrottled(new IllegalStateException())).isFalse();
        assertThat(ThrottlingReplies.isThrottled(null)).isFalse();
    }
}
