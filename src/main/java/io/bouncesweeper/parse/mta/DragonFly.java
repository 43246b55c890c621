package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Family;
import io.bouncesweeper.parse.Signature;

/**
 * The DragonFly Mail Agent (dma): its Received header "(DragonFly Mail Agent vN)". Its text ("There
 * was an error delivering your mail to &lt;address&gt;", "host [ip] did not like our RCPT TO:" and
 * the reply) is read by the standard readers; its own verdicts for giving up and for a failed DNS
 * lookup are in reason-hints.tsv. Sisimai: Lhost::DragonFly.
 */
final class DragonFly implements Family {
    @Override
    public String name() {
        return "DragonFly";
    }

    @Override
    public Signature signature() {
        return Signature.header("Received", "(dragonfly mail agent");
    }
}
