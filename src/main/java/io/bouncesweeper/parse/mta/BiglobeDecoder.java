package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * BIGLOBE and the Japanese cable providers on its platform (inacatv, tmtv, ttv): postmaster of
 * their domain, Subject "Returned mail: …"; the address alone on its line under "----- The
 * following addresses had delivery problems -----", the verdict under "----- Non-delivered
 * information -----" (its wordings in reason-hints.tsv). Sisimai: Lhost::Biglobe.
 */
final class BiglobeDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.sent("biglobe.ne.jp", "inacatv.ne.jp", "tmtv.ne.jp", "@ttv.ne.jp", ".ttv.ne.jp")
            .withSubjects("returned mail:")
            .triedFirstFor("returned mail:");

    BiglobeDecoder() {
        super("Biglobe", SIGNATURE, markers(List.of("----- the following addresses had delivery problems -----"), List.of()));
    }
}
