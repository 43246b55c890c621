package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.parse.mime.LowerCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a mail-server family is known by the mail it writes, declared once in the family's own file:
 * the sender, headers, Subject fragments and body markers its notices carry (lower case
 * substrings). A mail carries the signature when it has one of the senders (if any are declared)
 * and, if any other mark is declared, at least one of them. {@link #triedFirstFor} Subject
 * fragments only move the family to the front of the queue (like Sisimai's order table); they do
 * not recognise anything on their own.
 */
public record Signature(List<String> senders, List<String> subjects, List<Header> headers, List<String> text,
                        List<String> reportFields, List<String> triedFirstFor) {
    /** Body markers are looked for this far into the notification's text: the server writes them at the top. */
    public static final int TEXT_WINDOW = 8192;

    /** A header the family writes; an empty fragment means "present at all". */
    public record Header(String name, String fragment) {
    }

    public static final Signature NONE = new Signature(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public Signature {
        senders = List.copyOf(senders);
        subjects = List.copyOf(subjects);
        headers = List.copyOf(headers);
        text = List.copyOf(text);
        reportFields = List.copyOf(reportFields);
        triedFirstFor = List.copyOf(triedFirstFor);
    }

    public static Signature sent(String... senderFragments) {
        return NONE.withSenders(senderFragments);
    }

    public static Signature writes(String... textMarkers) {
        return NONE.withText(textMarkers);
    }

    public static Signature header(String name, String fragment) {
        return NONE.withHeader(name, fragment);
    }

    public Signature withSenders(String... fragments) {
        return new Signature(plus(senders, fragments), subjects, headers, text, reportFields, triedFirstFor);
    }

    public Signature withSubjects(String... fragments) {
        return new Signature(senders, plus(subjects, fragments), headers, text, reportFields, triedFirstFor);
    }

    public Signature withText(String... markers) {
        return new Signature(senders, subjects, headers, plus(text, markers), reportFields, triedFirstFor);
    }

    public Signature withHeader(String name, String fragment) {
        List<Header> h = new ArrayList<>(headers);
        h.add(new Header(name, fragment.toLowerCase(Locale.ROOT)));
        return new Signature(senders, subjects, h, text, reportFields, triedFirstFor);
    }

    /** A field the family writes into each recipient's group of the delivery-status part. */
    public Signature withReportField(String name) {
        return new Signature(senders, subjects, headers, text, plus(reportFields, name), triedFirstFor);
    }

    public Signature triedFirstFor(String... subjectFragments) {
        return new Signature(senders, subjects, headers, text, reportFields, plus(triedFirstFor, subjectFragments));
    }

    /** Whether the mail carries this signature; NONE is carried by no mail. */
    public boolean matches(Mail mail) {
        if (senders.isEmpty() && subjects.isEmpty() && headers.isEmpty() && text.isEmpty() && reportFields.isEmpty()) {
            return false;
        }
        if (!senders.isEmpty() && !sentBy(mail)) {
            return false;
        }
        if (subjects.isEmpty() && headers.isEmpty() && text.isEmpty() && reportFields.isEmpty()) {
            return true;
        }
        return hasSubject(mail) || hasHeader(mail) || hasText(mail) || hasReportField(mail);
    }

    public boolean sentBy(Mail mail) {
        return anyIn(LowerCase.of(mail.from()), senders, Integer.MAX_VALUE);
    }

    public boolean hasSubject(Mail mail) {
        return anyIn(mail.subjectLower(), subjects, Integer.MAX_VALUE);
    }

    public boolean hasText(Mail mail) {
        return !text.isEmpty() && anyIn(mail.textLower(), text, TEXT_WINDOW);
    }

    public boolean hasHeader(Mail mail) {
        for (Header h : headers) {
            if (h.fragment().isEmpty() ? mail.headers().has(h.name()) : anyContains(mail.headers().getAll(h.name()), h.fragment())) {
                return true;
            }
        }
        return false;
    }

    public boolean hasReportField(Mail mail) {
        if (reportFields.isEmpty()) {
            return false;
        }
        for (Headers group : ReportGroups.of(mail)) {
            for (String f : reportFields) {
                if (group.has(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The longest {@link #triedFirstFor} fragment the lower-case Subject holds, or null. */
    String triedFirstFragment(String subjectLower) {
        String best = null;
        for (String f : triedFirstFor) {
            if (subjectLower.contains(f) && (best == null || f.length() > best.length())) {
                best = f;
            }
        }
        return best;
    }

    private static boolean anyIn(String lower, List<String> needles, int window) {
        for (String n : needles) {
            int i = lower.indexOf(n);
            if (i >= 0 && i < window) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyContains(List<String> values, String fragment) {
        for (String v : values) {
            if (v.toLowerCase(Locale.ROOT).contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> out = new ArrayList<>(list);
        for (String m : more) {
            out.add(m.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
