package io.bouncesweeper.classify;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards for people editing the tables, and the classifier's promise to be shareable across threads. */
class BuiltInTablesTest {

    @Test
    void everyProviderWithRulesCanBeRecognised() {
        Set<String> withRules = new HashSet<>();
        for (TsvRows.Row row : TsvRows.parse(ProviderTable.RULES, TableSource.builtIn().read(ProviderTable.RULES), 6)) {
            withRules.add(row.cell(0));
        }
        Set<String> recognisable = new HashSet<>();
        for (TsvRows.Row row : TsvRows.parse(ProviderTable.HOSTS, TableSource.builtIn().read(ProviderTable.HOSTS), 3)) {
            recognisable.add(row.cell(0));
        }
        withRules.removeAll(recognisable);
        assertTrue(withRules.isEmpty(), "providers with rules but no host signature: " + withRules);
    }

    @Test
    void noPhraseIsListedTwice() {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (TsvRows.Row row : TsvRows.parse(PhraseTable.TABLE, TableSource.builtIn().read(PhraseTable.TABLE), 2)) {
            String phrase = Squash.lowered(row.cell(1).replaceFirst("^~", ""));
            if (!seen.add(phrase)) {
                twice.add(row.cell(0) + " " + phrase);
            }
        }
        assertTrue(twice.isEmpty(), "listed twice (only the first counts): " + twice);
    }

    @Test
    void concurrentUseGivesTheSameAnswers() throws Exception {
        DefaultBounceClassifier classifier = new DefaultBounceClassifier();
        List<DeliveryRecord> records = List.of(
                DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("550").status("5.1.1").diagnostic("550 5.1.1 no such user").build(),
                DeliveryRecord.builder(RecordKind.BOUNCE).diagnostic("452 4.2.2 Mailbox full").build(),
                DeliveryRecord.builder(RecordKind.BOUNCE).remoteMta("mx.google.com").replyCode("421").status("4.7.28").build(),
                DeliveryRecord.builder(RecordKind.BOUNCE).smtpCommand("MAIL").replyCode("553").diagnostic("sender unknown").build());
        List<Classification> expected = records.stream().map(classifier::classify).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int k = i % records.size();
                        if (!classifier.classify(records.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertEquals(true, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
