package io.bouncesweeper.imap;

/**
 * One message as a UID FETCH returned it.
 *
 * @param truncated true when the message was larger than the fetch cap and only its head was fetched
 */
public record FetchedMessage(long uid, long size, byte[] bytes, boolean truncated) {
}
