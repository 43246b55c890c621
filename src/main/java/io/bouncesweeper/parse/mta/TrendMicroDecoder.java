package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Trend Micro InterScan Messaging Security Suite (now Trend Vision One email security): From
 * "InterScan …" or InterScan in the MIME boundary; "Sent &lt;&lt;&lt; RCPT TO:&lt;address&gt;" and
 * "Received &gt;&gt;&gt; 550 …" (its arrows point the other way than sendmail's), or "Unable to
 * deliver message to &lt;address&gt;", which it writes for an unknown recipient. Sisimai:
 * Lhost::TrendMicro (formerly Lhost::InterScanMSS).
 */
final class TrendMicroDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("From", "\"interscan")
            .withHeader("Content-Type", "interscan")
            .triedFirstFor("mail could not be delivered");

    TrendMicroDecoder() {
        super("TrendMicro", SIGNATURE, markers(List.of(), List.of()));
    }
}
