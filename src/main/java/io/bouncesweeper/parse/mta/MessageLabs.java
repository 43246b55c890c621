package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Family;
import io.bouncesweeper.parse.Signature;

/** Symantec.cloud (MessageLabs) stamps X-Msg-Ref on what it relays, its report included. Sisimai: Lhost::MessageLabs. */
final class MessageLabs implements Family {
    @Override
    public String name() {
        return "MessageLabs";
    }

    @Override
    public Signature signature() {
        return Signature.header("X-Msg-Ref", "messagelabs.com");
    }
}
