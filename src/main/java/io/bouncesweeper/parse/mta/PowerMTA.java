package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Family;
import io.bouncesweeper.parse.Signature;

/** Port25 PowerMTA writes its own bounce category into each recipient's report group. Sisimai: Lhost::PowerMTA. */
final class PowerMTA implements Family {
    @Override
    public String name() {
        return "PowerMTA";
    }

    @Override
    public Signature signature() {
        return Signature.NONE.withReportField("X-PowerMTA-BounceCategory");
    }
}
