package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;

/** Decides hard/soft, reason and operator action for one record. Never throws. */
public interface BounceClassifier {
    Classification classify(DeliveryRecord record);
}
