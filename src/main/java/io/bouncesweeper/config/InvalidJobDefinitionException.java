package io.bouncesweeper.config;

/** A job definition is missing or wrong; the message names the file and the key. */
public class InvalidJobDefinitionException extends RuntimeException {
    public InvalidJobDefinitionException(String message) {
        super(message);
    }
}
