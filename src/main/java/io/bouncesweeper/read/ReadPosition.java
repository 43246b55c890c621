package io.bouncesweeper.read;

/**
 * Where reading stopped: the last UID handed on, valid only under the same UIDVALIDITY. A folder
 * that was recreated (new UIDVALIDITY) starts over from UID 0; Message-ID de-duplication in the
 * store keeps that from counting anything twice.
 */
public record ReadPosition(long uidValidity, long lastUid) {
    public static final ReadPosition START = new ReadPosition(-1, 0);

    public ReadPosition resumeUnder(long currentUidValidity) {
        return uidValidity == currentUidValidity ? this : new ReadPosition(currentUidValidity, 0);
    }
}
