package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Family;
import io.bouncesweeper.parse.Signature;

/** Ipswitch IMail Server: its X-Mailer "&lt;SMTP32 vN&gt;". Sisimai: Lhost::IMailServer. */
final class IMailServer implements Family {
    @Override
    public String name() {
        return "IMailServer";
    }

    @Override
    public Signature signature() {
        return Signature.header("X-Mailer", "<smtp32 v");
    }
}
