package io.bouncesweeper.domain;

/** A record with its verdict. */
public record ClassifiedRecord(DeliveryRecord record, Classification classification) {
}
