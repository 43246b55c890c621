package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

/**
 * Which decoders run, in which order: the registry {@code parse/decoders.tsv}, one row per decoder
 * or signing family. Complaints and provider notifications first (an ARF report may enclose a
 * bounce), then the mail-server families (those whose {@link Signature#triedFirstFor} Subject
 * fragment the mail's Subject holds go to the front), then the generic readers: standard report,
 * inline report fields, text. The first decoder that recognises the mail and finds records wins.
 * The table names classes, so this package imports none of the families' code.
 */
public final class DecoderTable {
    static final String TABLE = "decoders.tsv";

    private final List<Decoder> first = new ArrayList<>();
    private final List<Decoder> families = new ArrayList<>();
    private final List<Decoder> last = new ArrayList<>();
    private final List<Family> signers = new ArrayList<>();

    private DecoderTable(List<TsvTable.Row> rows) {
        for (TsvTable.Row row : rows) {
            String stage = row.at(0);
            Family f = instantiate(row);
            switch (stage) {
                case "first" -> first.add(decoder(f, row));
                case "family" -> families.add(decoder(f, row));
                case "generic" -> last.add(decoder(f, row));
                case "signature" -> signers.add(f);
                default -> throw new IllegalStateException(TABLE + ":" + row.line()
                        + ": stage must be first, family, generic or signature, not " + stage);
            }
        }
        // a decoding family signs too: its wording names the reason when another decoder read its report
        signers.addAll(families);
    }

    /** The decoders and families of the built-in registry, or of an operator's copy of it. */
    public static DecoderTable standard(ParseTables tables) {
        return new DecoderTable(tables.rows(TABLE, 3));
    }

    /** Records of the first decoder that recognises the mail and finds any; empty if none does. */
    public List<DeliveryRecord> decode(Mail mail) {
        List<DeliveryRecord> r = firstWithRecords(first, mail);
        if (r.isEmpty()) {
            r = firstWithRecords(ordered(mail), mail);
        }
        if (r.isEmpty()) {
            r = firstWithRecords(last, mail);
        }
        return ReportHints.annotate(mail, r, signers);
    }

    /** The families, those named by the longest Subject fragment any of them declares first; the others in table order. */
    List<Decoder> ordered(Mail mail) {
        String subject = mail.subjectLower();
        String best = null;
        for (Decoder d : families) {
            String f = d.signature().triedFirstFragment(subject);
            if (f != null && (best == null || f.length() > best.length())) {
                best = f;
            }
        }
        if (best == null) {
            return families;
        }
        List<Decoder> out = new ArrayList<>(families.size());
        for (Decoder d : families) {
            if (d.signature().triedFirstFor().contains(best)) out.add(d);
        }
        for (Decoder d : families) {
            if (!out.contains(d)) out.add(d);
        }
        return out;
    }

    private static List<DeliveryRecord> firstWithRecords(List<Decoder> decoders, Mail mail) {
        for (Decoder d : decoders) {
            if (d.recognises(mail)) {
                List<DeliveryRecord> r = d.decode(mail);
                if (!r.isEmpty()) {
                    return r;
                }
            }
        }
        return List.of();
    }

    private static Decoder decoder(Family f, TsvTable.Row row) {
        if (f instanceof Decoder d) {
            return d;
        }
        throw new IllegalStateException(TABLE + ":" + row.line() + ": " + row.at(1) + " is a signing family, not a decoder");
    }

    /** The row's class ("mta.PostfixDecoder" is io.bouncesweeper.parse.mta.PostfixDecoder), made by its no-argument constructor. */
    private static Family instantiate(TsvTable.Row row) {
        String name = row.at(1);
        String qualified = name.startsWith("io.") ? name : DecoderTable.class.getPackageName() + "." + name;
        try {
            Constructor<? extends Family> c = Class.forName(qualified).asSubclass(Family.class).getDeclaredConstructor();
            c.setAccessible(true); // families are package-private: the table is their only way in
            return c.newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(TABLE + ":" + row.line() + ": cannot make " + qualified + ": " + e, e);
        }
    }
}
