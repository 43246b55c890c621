package io.bouncesweeper.classify;

import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;

/**
 * One rule's answer: the reason, the action when the rule names one (null: the reason's default),
 * the rule's name for the record, and whether it rests on weak evidence (a weak phrase).
 */
record Verdict(Reason reason, OperatorAction action, String rule, boolean weak) {

    Verdict(Reason reason, OperatorAction action, String rule) {
        this(reason, action, rule, false);
    }

    static OperatorAction actionOrDefault(String code) {
        return "*".equals(code) || code.isEmpty() ? null : OperatorAction.ofCode(code);
    }
}
