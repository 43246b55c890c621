package io.bouncesweeper.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhraseMatcherTest {

    @Test
    void findsOverlappingAndNestedPhrases() {
        Map<String, String> phrases = new LinkedHashMap<>();
        phrases.put("he", "he");
        phrases.put("she", "she");
        phrases.put("his", "his");
        phrases.put("hers", "hers");
        List<String> found = new ArrayList<>();

        new PhraseMatcher<>(phrases).scan("ushers", (value, end) -> found.add(value));

        assertEquals(List.of("she", "he", "hers"), found);
    }

    @Test
    void findsStatusCodesOnlyWhereTheyStandAlone() {
        assertEquals("5.1.1", DiagnosticText.findStatus("550 5.1.1 user unknown"));
        assertEquals("5.7.606", DiagnosticText.findStatus("550 5.7.606 access denied"));
        assertEquals("4.4.7", DiagnosticText.findStatus("status 4.4.7."));
        assertEquals(null, DiagnosticText.findStatus("from 10.5.1.1 port 25"));
        assertEquals("550", DiagnosticText.leadingReplyCode("550-5.7.1 text"));
        assertEquals(null, DiagnosticText.leadingReplyCode("5500 text"));
    }
}
