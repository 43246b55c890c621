package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Family;
import io.bouncesweeper.parse.Signature;

/** McAfee Email Gateway (formerly IronMail) relays another server's report and marks it in X-NAI-Header; its own verdict texts are in reason-hints.tsv. Sisimai: Lhost::McAfee. */
final class McAfee implements Family {
    @Override
    public String name() {
        return "McAfee";
    }

    @Override
    public Signature signature() {
        return Signature.header("X-NAI-Header", "modified by mcafee");
    }
}
