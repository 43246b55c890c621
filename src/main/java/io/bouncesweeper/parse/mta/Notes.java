package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Family;
import io.bouncesweeper.parse.Signature;

/** Lotus Notes SMTP MTA (R4/R5): a plain-text notice whose verdict block starts with this ruler. Sisimai: Lhost::Notes. */
final class Notes implements Family {
    @Override
    public String name() {
        return "Notes";
    }

    @Override
    public Signature signature() {
        return Signature.writes("------- failure reasons");
    }
}
