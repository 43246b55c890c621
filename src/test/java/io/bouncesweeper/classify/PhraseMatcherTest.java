package io.bouncesweeper.classify;

import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.smtp.Status;
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
        assertEquals("5.1.1", Status.firstFailure("550 5.1.1 user unknown"));
        assertEquals("5.7.606", Status.firstFailure("550 5.7.606 access denied"));
        assertEquals("4.4.7", Status.firstFailure("status 4.4.7."));
        assertEquals(null, Status.firstFailure("from 10.5.1.1 port 25"));
        assertEquals("550", Reply.opening("550-5.7.1 text"));
        assertEquals(null, Reply.opening("5500 text"));
    }
}
