package io.bouncesweeper.imap;

import java.util.Arrays;

/** IMAP sequence-set syntax for UIDs: {@code 1:5,7,9:12}, so a chunk goes out as one short command. */
public final class UidSets {
    private UidSets() {
    }

    public static String format(long[] uids) {
        long[] sorted = uids.clone();
        Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder(sorted.length * 4);
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] <= sorted[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted[i]);
            if (sorted[j] != sorted[i]) {
                sb.append(':').append(sorted[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
