package io.bouncesweeper.parse.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scans the MIME walk runs over every header and body byte, eight bytes at a time: a plain
 * byte loop is not vectorised by the JIT, and these loops were a tenth of the parse.
 */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';
    private static final long ESCAPES = ONES * 0x1b;

    private Bytes() {
    }

    /** Index of the first {@code '\n'} in {@code b[from, to)}, or {@code to} if there is none. */
    static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long zero = zeroBytes((long) LONGS.get(b, i) ^ NEWLINES);
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        while (i < to && b[i] != '\n') i++;
        return i;
    }

    /** Whether {@code b[off, off + len)} is 7-bit and holds no ESC (which would start an ISO-2022 sequence). */
    static boolean isAsciiWithoutEscape(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(b, i);
            if ((w & HIGHS) != 0 || zeroBytes(w ^ ESCAPES) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (b[i] < 0 || b[i] == 0x1b) {
                return false;
            }
        }
        return true;
    }

    private static final long QUESTION_MARKS = ONES * '?';
    private static final long FROM_A = ONES * (0x80 - 'A');
    private static final long AFTER_Z = ONES * (0x80 - 'Z' - 1);

    /**
     * Lower-cases {@code b} in place if every byte is ASCII other than {@code '?'}, eight bytes at a
     * time; returns false, with {@code b} partly changed, as soon as one is not. ({@code '?'} is where
     * an encoder put a character it could not map, so its input was not plain ASCII.)
     */
    static boolean lowerAsciiInPlace(byte[] b) {
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            long w = (long) LONGS.get(b, i);
            if ((w & HIGHS) != 0 || zeroBytes(w ^ QUESTION_MARKS) != 0) {
                return false;
            }
            // bytes below 0x80: adding keeps each sum inside its byte; the high bit says ">= 'A'" and "> 'Z'"
            long upper = (w + FROM_A) & ~(w + AFTER_Z) & HIGHS;
            LONGS.set(b, i, w | (upper >>> 2));
        }
        for (; i < b.length; i++) {
            byte c = b[i];
            if (c < 0 || c == '?') {
                return false;
            }
            if (c >= 'A' && c <= 'Z') {
                b[i] = (byte) (c + 0x20);
            }
        }
        return true;
    }

    /** The high bit of the lowest zero byte of {@code w} is set (and maybe of higher ones): zero iff no byte is zero. */
    private static long zeroBytes(long w) {
        return (w - ONES) & ~w & HIGHS;
    }
}
