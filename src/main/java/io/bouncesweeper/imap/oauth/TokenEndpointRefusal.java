package io.bouncesweeper.imap.oauth;

/**
 * The token endpoint answered and refused the grant (OAuth2 error response, e.g. {@code invalid_grant}
 * for a revoked refresh token): no retry helps until an operator renews the credentials. The message
 * names the account and the endpoint, never a secret.
 */
public class TokenEndpointRefusal extends IllegalStateException {
    public TokenEndpointRefusal(String message) {
        super(message);
    }
}
