package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Decoder;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.PhraseList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which decoders to try first for a mail, keyed by a fragment of its Subject
 * ({@code parse/decoder-order.tsv}), like Sisimai's order table. Only changes the order: every
 * decoder still gets its turn.
 */
final class DecoderOrder {
    private record Entry(String subjectFragment, List<String> decoders) {
    }

    private final List<Entry> entries = new ArrayList<>();

    DecoderOrder(String resource) {
        for (String line : PhraseList.load(resource)) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                entries.add(new Entry(f[0].trim(), List.of(f[1].trim().split("\\s*,\\s*"))));
            }
        }
    }

    /** {@code all} reordered: decoders named for the mail's subject first, the others after in their order. */
    List<Decoder> order(Mail mail, List<Decoder> all, Map<String, Decoder> byLowerName) {
        String subject = mail.subjectLower();
        List<Decoder> first = null;
        for (Entry e : entries) {
            if (subject.contains(e.subjectFragment)) {
                first = new ArrayList<>(e.decoders.size());
                for (String n : e.decoders) {
                    Decoder d = byLowerName.get(n);
                    if (d != null) first.add(d);
                }
                break;
            }
        }
        if (first == null || first.isEmpty()) {
            return all;
        }
        List<Decoder> out = new ArrayList<>(all.size());
        out.addAll(first);
        for (Decoder d : all) {
            if (!first.contains(d)) out.add(d);
        }
        return out;
    }
}
