package io.bouncesweeper.bench;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.parse.DefaultBounceParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Emails per second through parser and classifier on one thread, over the corpus held in memory
 * (no disk I/O measured). One operation = one email, taken round-robin from the corpus, so the
 * score (ops/s) reads as emails/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// three forks: one fork's iterations moved by up to a third with the code the JIT settled on
// ten warm-up rounds: with six the score still climbed through the first measurement rounds
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
public class ParseAndClassifyBenchmark {

    /** Folder searched recursively for *.eml; relative to the project root by default. */
    @Param("../shared/corpus/sisimai")
    public String corpus;

    private byte[][] emails;
    private int next;
    private final BounceParser parser = new DefaultBounceParser();
    private final BounceClassifier classifier = new DefaultBounceClassifier();

    @Setup(Level.Trial)
    public void load() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(corpus))) {
            List<Path> eml = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            if (eml.isEmpty()) {
                throw new IllegalStateException("no *.eml under " + Path.of(corpus).toAbsolutePath()
                        + "; pass -p corpus=DIR");
            }
            emails = new byte[eml.size()][];
            for (int i = 0; i < emails.length; i++) {
                emails[i] = Files.readAllBytes(eml.get(i));
            }
        }
    }

    @Benchmark
    public void parseAndClassifyOneEmail(Blackhole bh) {
        byte[] raw = emails[next];
        next = next + 1 == emails.length ? 0 : next + 1;
        ParsedMessage parsed = parser.parse(raw);
        for (DeliveryRecord r : parsed.records()) {
            bh.consume(classifier.classify(r));
        }
        bh.consume(parsed);
    }

    @Benchmark
    public void classifyOnly(ClassifyState state, Blackhole bh) {
        DeliveryRecord r = state.records[state.next];
        state.next = state.next + 1 == state.records.length ? 0 : state.next + 1;
        bh.consume(classifier.classify(r));
    }

    /** The corpus's records, parsed once, to time the classifier alone (one operation = one record). */
    @State(Scope.Thread)
    public static class ClassifyState {
        DeliveryRecord[] records;
        int next;

        @Setup(Level.Trial)
        public void parseAll(ParseAndClassifyBenchmark bench) throws IOException {
            bench.load();
            BounceParser parser = new DefaultBounceParser();
            records = Stream.of(bench.emails).flatMap(e -> parser.parse(e).records().stream()).toArray(DeliveryRecord[]::new);
            if (records.length == 0) {
                throw new IllegalStateException("corpus yields no records");
            }
        }
    }
}
