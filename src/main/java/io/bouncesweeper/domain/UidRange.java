package io.bouncesweeper.domain;

/**
 * The part of a folder one process reads, by UID, both ends included: how one huge historic folder
 * is split over several processes or pods. UIDs are 32-bit (RFC 3501), so the open upper end is
 * written as the highest UID rather than {@code *}, which in a search always matches the folder's
 * last message, even one below the range.
 */
public record UidRange(long from, long to) {
    public static final long MAX_UID = 4_294_967_295L;
    public static final UidRange ALL = new UidRange(1, MAX_UID);

    public UidRange {
        if (from < 1 || to > MAX_UID || from > to) {
            throw new IllegalArgumentException("UID range " + from + ":" + to + " must lie within 1:" + MAX_UID
                    + " with its start not above its end");
        }
    }

    /** The range from {@code uid-from} and {@code uid-to} as written; null for an open end. */
    public static UidRange of(Long from, Long to) {
        return new UidRange(from == null ? 1 : from, to == null ? MAX_UID : to);
    }

    public boolean isAll() {
        return from == 1 && to == MAX_UID;
    }

    public boolean contains(long uid) {
        return uid >= from && uid <= to;
    }

    /** As an IMAP SEARCH key; empty for the whole folder. */
    public String searchKey() {
        return isAll() ? "" : "UID " + from + ":" + to;
    }

    @Override
    public String toString() {
        return from + ":" + (to == MAX_UID ? "*" : String.valueOf(to));
    }
}
