package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.robust.HostileMail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The injection categories of the hostile-mail set, parsed without a mailbox or database: every
 * recipient the parser names must be the address the mail was really about, never an injected or
 * truncated one (that would suppress an address that never bounced).
 */
class HostileRecipientsTest {
    private final BounceParser parser = new DefaultBounceParser();

    private List<String> recipientsOf(String category) {
        List<String> out = new ArrayList<>();
        for (HostileMail.Message m : HostileMail.all()) {
            if (!m.category().equals(category)) {
                continue;
            }
            ParsedMessage p = parser.parse(m.bytes());
            for (DeliveryRecord r : p.records()) {
                out.add(m.index() + ": " + r.recipient());
                out.add(m.index() + ": " + r.originalRecipient());
            }
        }
        return out;
    }

    @Test
    void crlfInjectionNamesOnlyTheRealRecipient() {
        List<String> rcpts = recipientsOf("crlf-injection");
        assertThat(rcpts).isNotEmpty();
        assertThat(rcpts).allMatch(r -> r.matches("\\d+: (null|user\\d+@example\\.net)"), "only user<n>@example.net");
    }

    @Test
    void sqlInjectionNamesOnlyValidAddressesWhole() {
        List<String> rcpts = recipientsOf("sql-injection");
        assertThat(rcpts).anyMatch(r -> r.endsWith(": " + HostileMail.SQL_RECIPIENT));
        assertThat(rcpts).allMatch(r -> r.endsWith(": null") || r.endsWith(": " + HostileMail.SQL_RECIPIENT),
                "the one valid address, whole");
    }
}
