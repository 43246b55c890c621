package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Zoho Mail: header X-ZohoMail; "This message was created automatically by mail delivery
 * software", then per recipient "address Invalid Address, ERROR_CODE :550, ERROR_CODE :…" or
 * "[Status: Error, Address: &lt;address&gt;, ResponseCode 421, , Host not reachable.]" (its own
 * verdict for giving up, in reason-hints.tsv). Sisimai: Lhost::Zoho.
 */
final class ZohoDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("X-ZohoMail", "");

    ZohoDecoder() {
        super("Zoho", SIGNATURE, markers(List.of("this message was created automatically by mail delivery"), List.of()));
    }
}
