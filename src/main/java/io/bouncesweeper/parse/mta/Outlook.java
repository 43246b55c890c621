package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Family;
import io.bouncesweeper.parse.Signature;

/** Outlook.com / Hotmail notices, whichever reader decodes them. Sisimai: Lhost::Outlook. */
final class Outlook implements Family {
    @Override
    public String name() {
        return "Outlook";
    }

    @Override
    public Signature signature() {
        return Signature.sent("postmaster@hotmail.com", "postmaster@outlook.com");
    }
}
