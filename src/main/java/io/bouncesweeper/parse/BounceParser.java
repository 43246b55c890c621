package io.bouncesweeper.parse;

import io.bouncesweeper.domain.ParsedMessage;

/** Turns raw message bytes into per-recipient records. Never throws: broken mail is an outcome. */
public interface BounceParser {
    ParsedMessage parse(byte[] raw);
}
