package io.bouncesweeper.job;

/** Another process holds the lock of the job or of one of its mailbox folders. */
public class AnotherRunActiveException extends RuntimeException {
    public AnotherRunActiveException(String message) {
        super(message);
    }
}
