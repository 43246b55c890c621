package io.bouncesweeper.parse;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the corpus figures against regressions (floors a little under the measured values).
 * Skipped when the corpus is not next to the project.
 */
class CorpusScoreTest {
    @Test
    void corpusFiguresStayAboveTheirFloors() throws Exception {
        Assumptions.assumeTrue(CorpusScore.available(),
                "Sisimai corpus not found at " + CorpusScore.CORPUS.toAbsolutePath() + ": skipping corpus score");
        CorpusScore.Score s = CorpusScore.score(new DefaultBounceParser());
        System.out.println(s.summary());
        assertTrue(s.pct(s.rcptHit, s.rcptTotal) >= 98.5, s.summary());
        assertTrue(s.pct(s.statusHit, s.statusTotal) >= 99.0, s.summary());
        assertTrue(s.pct(s.replyHit, s.replyTotal) >= 97.0, s.summary());
        assertTrue(s.pct(s.kindHit, s.rows) >= 99.5, s.summary());
        assertTrue(s.hintAgree >= s.hintSet - 1, "reason hints must stay precise: " + s.hintMisses);
    }

    @Test
    void crlfLineEndsScoreAsWellAsLf() throws Exception {
        Assumptions.assumeTrue(CorpusScore.available(),
                "Sisimai corpus not found at " + CorpusScore.CORPUS.toAbsolutePath() + ": skipping corpus score");
        CorpusScore.Score lf = CorpusScore.score(new DefaultBounceParser(), false);
        CorpusScore.Score crlf = CorpusScore.score(new DefaultBounceParser(), true);
        System.out.println("CRLF: " + crlf.summary());
        assertTrue(crlf.rcptHit >= lf.rcptHit - 1 && crlf.statusHit >= lf.statusHit - 1
                && crlf.replyHit >= lf.replyHit - 1 && crlf.kindHit >= lf.kindHit - 1, crlf.summary());
    }
}
