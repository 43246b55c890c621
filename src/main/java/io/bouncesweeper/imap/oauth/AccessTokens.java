package io.bouncesweeper.imap.oauth;

/**
 * Where an IMAP login's OAuth2 access token comes from. Implementations never put a token or a
 * secret into an exception message or {@link #toString()}: they name the source instead.
 */
public interface AccessTokens {
    /** A token to present now; may be cached. */
    String token();

    /** The server refused this token: the next {@link #token()} must not hand it out again. */
    void refused(String token);
}
