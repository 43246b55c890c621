package io.bouncesweeper.store;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CorrelationHeaderTest {

    private final Correlation correlation = new Correlation("X-Campaign-Id", "X-Subscriber-Id", "List-Id",
            List.of("X-Mailer-Job"), null);

    @Test
    void headerNamesMatchWhateverTheirCase() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-campaign-id", " spring-2026 ");
        h.put("LIST-ID", "<news.example.com>");
        h.put("x-mailer-job", "42");
        assertEquals("spring-2026", correlation.header(h, correlation.campaignHeader()));
        assertEquals("<news.example.com>", correlation.header(h, "List-Id"));
        assertEquals("X-Mailer-Job: 42", correlation.extra(h));
        assertNull(correlation.header(h, "X-Subscriber-Id"));
    }

    @Test
    void ofSeveralCaseVariantsTheLastCounts_blankIsNone() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Campaign-Id", "first");
        h.put("x-campaign-id", "second");
        h.put("X-Subscriber-Id", "   ");
        assertEquals("second", correlation.header(h, "X-CAMPAIGN-ID"));
        assertNull(correlation.header(h, "X-Subscriber-Id"));
        assertNull(correlation.header(Map.of(), "X-Campaign-Id"));
        assertNull(correlation.header(h, " "));
    }
}
