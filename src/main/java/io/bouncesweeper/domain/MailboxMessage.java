package io.bouncesweeper.domain;

/** A message as fetched from the mailbox: its identity, its size on the server and its raw bytes. */
public record MailboxMessage(MessageKey key, long size, byte[] raw) {
}
