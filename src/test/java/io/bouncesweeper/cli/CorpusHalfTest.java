package io.bouncesweeper.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorpusHalfTest {

    @Test
    void theHalfIsTheParityOfTheCrc32OfTheFileNameAlone() {
        // parities checked against Python's zlib.crc32, an implementation other than the JDK's
        assertEquals(CorpusHalf.A, CorpusHalf.of("1.eml"));
        assertEquals(CorpusHalf.B, CorpusHalf.of("8.eml"));
        assertEquals(CorpusHalf.B, CorpusHalf.of("arf-01.eml"));
        assertEquals(CorpusHalf.B, CorpusHalf.of("emails/arf/arf-01.eml"));
        assertEquals(CorpusHalf.A, CorpusHalf.of("emails\\x\\1.eml"));
    }

    @Test
    void agreesWithCrc32ForEveryName() {
        for (String name : new String[]{"lhost-postfix-01.eml", "rfc3464-43.eml", "ü.eml", "a", ""}) {
            CRC32 crc = new CRC32();
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            assertEquals(crc.getValue() % 2 == 0 ? CorpusHalf.A : CorpusHalf.B, CorpusHalf.of("dir/" + name), name);
        }
    }
}
