package io.bouncesweeper.cli;

import io.bouncesweeper.job.LogText;
import io.bouncesweeper.store.AddressHistory;
import io.bouncesweeper.store.AddressLookup;
import io.bouncesweeper.store.RecipientOverride;
import io.bouncesweeper.store.RecipientState;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code state ADDRESS}: what the list holds for one address and why: its status, the rule and the
 * event (or release) that decided it, its counters, then its history, events and releases in time
 * order. Reads only.
 */
final class StateCommand extends DatabaseCommand {
    static final int UNKNOWN_ADDRESS = 1;
    static final String USAGE = """
            usage: state ADDRESS
              Prints an address's list state (active, soft_bouncing, suppressed, complained), why and since
              when, the event or operator's release that decided it, its counters, and its history: every
              stored event and release, oldest first. Reads only.
              The database comes from bounce-sweeper.db.url, .user, .password (e.g. BOUNCE_SWEEPER_DB_URL),
              also accepted as --bounce-sweeper.db.url=... options.
              exit codes: 0 found, 1 nothing is stored about the address, 2 usage, a missing setting or an
              unreachable database.""";

    StateCommand() {
        this(Clock.systemUTC());
    }

    StateCommand(Clock clock) {
        super("state", Set.of(), Set.of(), clock);
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    void check(Arguments args) {
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("state wants exactly one ADDRESS");
        }
    }

    @Override
    int execute(Arguments args, Database db, PrintStream out, PrintStream err) {
        String address = args.positional().get(0);
        Optional<AddressHistory> found = new AddressLookup(db.jdbc()).find(address);
        if (found.isEmpty()) {
            err.println("state: nothing is stored about " + address);
            return UNKNOWN_ADDRESS;
        }
        print(found.get(), out);
        return EXIT_OK;
    }

    static void print(AddressHistory h, PrintStream out) {
        RecipientState s = h.state();
        if (s == null) {
            out.println(h.address() + ": no list state (none of its events concerns the list)");
        } else {
            out.println(h.address() + ": " + s.status().code() + (s.since() == null ? "" : " since " + s.since()));
            out.println("  why: " + (s.why() == null ? "-" : s.why()) + (s.explanation() == null ? "" : " — " + LogText.safe(s.explanation())));
            AddressHistory.Event decider = h.decidingEvent();
            RecipientOverride release = h.decidingRelease();
            if (decider != null) {
                out.println("  decided by event " + event(decider));
            } else if (release != null) {
                out.println("  decided by release " + release(release));
            }
            out.printf("  counts: %d event(s), %d hard, %d soft in the window, %d sender-side, %d complaint(s)%s%n",
                    s.eventCount(), s.hardCount(), s.softCount(), s.senderIssueCount(), s.complaintCount(),
                    s.allowListed() ? "; allow-listed" : "");
        }
        List<Line> lines = new ArrayList<>();
        for (AddressHistory.Event e : h.events()) {
            boolean deciding = s != null && s.decidedByEventId() != null && s.decidedByEventId() == e.id();
            lines.add(new Line(e.at(), e.id(), "event " + event(e) + (deciding ? "   <- decided" : "")));
        }
        for (RecipientOverride o : h.releases()) {
            boolean deciding = s != null && s.decidedByOverrideId() != null && s.decidedByOverrideId() == o.id();
            lines.add(new Line(o.at(), Long.MAX_VALUE, "release " + release(o) + (deciding ? "   <- decided" : "")));
        }
        lines.sort(Comparator.comparing(Line::at).thenComparingLong(Line::order));
        out.println("history (" + h.events().size() + " event(s), " + h.releases().size() + " release(s), oldest first):");
        for (Line l : lines) {
            out.println("  " + l.text());
        }
    }

    private static String event(AddressHistory.Event e) {
        StringBuilder sb = new StringBuilder("#").append(e.id()).append(' ').append(e.at()).append(' ').append(e.kind())
                .append(' ').append(e.bounceClass()).append(' ').append(e.reason());
        if (e.status() != null) {
            sb.append(' ').append(e.status());
        }
        if (e.reasonGroup() != null) {
            sb.append(" (").append(e.reasonGroup()).append(')');
        }
        sb.append(" from ").append(e.where());
        if (e.purgedAt() != null) {
            sb.append(" — diagnostic purged ").append(e.purgedAt());
        } else if (e.diagnostic() != null) {
            sb.append(" — ").append(LogText.safe(e.diagnostic()));
        }
        return sb.toString();
    }

    private static String release(RecipientOverride o) {
        return "#" + o.id() + " " + o.at() + " of " + o.releasedStatus().code() + " by "
                + (o.requestedBy() == null ? "an operator" : o.requestedBy()) + ": " + LogText.safe(o.reason());
    }

    private record Line(Instant at, long order, String text) {
    }
}
