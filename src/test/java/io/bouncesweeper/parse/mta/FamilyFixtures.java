package io.bouncesweeper.parse.mta;

import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.parse.DefaultBounceParser;
import io.bouncesweeper.support.Fixtures;

import java.util.List;

/** The family tests' fixtures (fixtures/mta/), read through the whole parser as a mailbox would hand them in. */
final class FamilyFixtures {
    private static final BounceParser PARSER = new DefaultBounceParser();
    private static final DefaultBounceClassifier CLASSIFIER = new DefaultBounceClassifier();

    private FamilyFixtures() {
    }

    static List<DeliveryRecord> records(String fixture) {
        return PARSER.parse(Fixtures.bytes("mta/" + fixture)).records();
    }

    /** The one record the fixture yields; fails the test if it yields another number. */
    static DeliveryRecord only(String fixture) {
        List<DeliveryRecord> rs = records(fixture);
        if (rs.size() != 1) {
            throw new AssertionError(fixture + ": expected one record, got " + rs);
        }
        return rs.get(0);
    }

    static Classification classify(DeliveryRecord r) {
        return CLASSIFIER.classify(r);
    }
}
