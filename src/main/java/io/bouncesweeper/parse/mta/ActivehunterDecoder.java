package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * QUALITIA Active!hunter: header X-AHMailID; sendmail-like text, "&gt;&gt;&gt; address &lt;address&gt;"
 * under "----- The following addresses had permanent fatal errors -----", the remote reply under
 * the transcript line. Sisimai: Lhost::Activehunter.
 */
final class ActivehunterDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("X-AHMailID", "").triedFirstFor("failure notice");

    ActivehunterDecoder() {
        super("Activehunter", SIGNATURE, markers(List.of("----- the following addresses had permanent fatal errors -----"), List.of()));
    }
}
