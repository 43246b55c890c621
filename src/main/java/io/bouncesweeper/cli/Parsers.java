package io.bouncesweeper.cli;

import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.parse.DefaultBounceParser;

/** The parser the commands use when none is given. */
final class Parsers {
    private Parsers() {
    }

    static BounceParser defaultParser() {
        return new DefaultBounceParser();
    }
}
