package io.bouncesweeper.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sisimai 5.6's vocabulary: the renamed words still read, and none of them is written any more. */
class ReasonWordsTest {

    @ParameterizedTest
    @CsvSource({
            "speeding, ratelimited",
            "toomanyconn, ratelimited",
            "mesgtoobig, emailtoolarge",
            "EXCEEDLIMIT, emailtoolarge",
            "ratelimited, ratelimited",
            "suppressed, suppressed",
            "failedstarttls, failedstarttls"})
    void formerWordsReadAsTheReasonThatReplacedThem(String word, String current) {
        assertThat(Reason.ofCode(word).code()).isEqualTo(current);
    }

    @Test
    void noReasonIsWrittenInAFormerWord() {
        for (Reason r : Reason.values()) {
            assertThat(Reason.formerWords()).doesNotContainKey(r.code());
        }
    }

    @Test
    void anUnknownWordStillFailsLoudly() {
        assertThatThrownBy(() -> Reason.ofCode("toobig")).hasMessageContaining("unknown reason 'toobig'");
    }
}
