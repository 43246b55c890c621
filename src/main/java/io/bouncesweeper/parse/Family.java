package io.bouncesweeper.parse;

/**
 * A mail-server or provider family: its name (the key of its rows in {@code parse/reason-hints.tsv})
 * and the {@link Signature} its mail carries. Families are registered in {@code parse/decoders.tsv};
 * one that only signs (an appliance relaying another server's report) is a family without a
 * decoder: its signature names whose wording the records' reason hints follow.
 */
public interface Family {
    String name();

    Signature signature();
}
