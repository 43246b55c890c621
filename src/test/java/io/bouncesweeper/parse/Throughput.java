package io.bouncesweeper.parse;

import java.util.List;

/**
 * Quick single-thread throughput over the corpus held in memory (development aid; the JMH
 * benchmark lives elsewhere). Run from the project root so the corpus path resolves.
 */
public final class Throughput {
    public static void main(String[] args) throws Exception {
        List<byte[]> mails = List.copyOf(CorpusScore.emails(CorpusScore.manifest()).values());
        BounceParser parser = new DefaultBounceParser();
        long bytes = mails.stream().mapToLong(m -> m.length).sum();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long sink = 0;
        for (int warm = 0; warm < 50; warm++) {
            for (byte[] m : mails) sink += parser.parse(m).records().size();
        }
        // CPU time of this thread as well as wall time: on a shared, loaded machine wall time lies
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (byte[] m : mails) sink += parser.parse(m).records().size();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        long n = (long) rounds * mails.size();
        System.out.printf("%d mails (%d distinct, %.1f KB avg): wall %.2f s = %.0f mails/s; thread CPU %.2f s = %.0f mails/s, %.1f MB/s (sink %d)%n",
                n, mails.size(), bytes / 1024.0 / mails.size(), secs, n / secs, cpu, n / cpu, bytes * (double) rounds / cpu / 1e6, sink);
    }
}
