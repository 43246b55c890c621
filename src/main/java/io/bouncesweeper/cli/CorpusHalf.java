package io.bouncesweeper.cli;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The two halves of a labeled corpus, fixed by a hash of each mail's file name: rules are developed
 * from the misses of half A only, and half B is quoted as mail the rules were not tuned on. If the two
 * halves' figures drift apart, the rules are learning samples rather than servers' conventions.
 *
 * <p>The rule is fixed (other tools and people split the same way): CRC-32 of the file name's UTF-8
 * bytes, the name alone without its folders; an even value is half A, an odd one half B.
 */
enum CorpusHalf {
    A, B;

    static CorpusHalf of(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        CRC32 crc = new CRC32();
        crc.update(file.substring(slash + 1).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0 ? A : B;
    }
}
