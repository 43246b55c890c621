package io.bouncesweeper.classify;

import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;

/**
 * One rule's answer: the reason, the action when the rule names one (null: the reason's default),
 * and the rule's name for the record.
 */
record Verdict(Reason reason, OperatorAction action, String rule) {

    static OperatorAction actionOrDefault(String code) {
        return "*".equals(code) || code.isEmpty() ? null : OperatorAction.ofCode(code);
    }
}
