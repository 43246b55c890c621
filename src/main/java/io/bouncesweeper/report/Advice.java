package io.bouncesweeper.report;

import io.bouncesweeper.domain.OperatorAction;

/**
 * What an operator should do about a stored action code: the description kept with the action
 * itself ({@link OperatorAction}), which the classifier's tables choose per reason and provider.
 */
final class Advice {
    private Advice() {
    }

    static String of(String actionCode) {
        if (actionCode == null || actionCode.isBlank()) {
            return OperatorAction.NONE.description();
        }
        try {
            return OperatorAction.ofCode(actionCode).description();
        } catch (IllegalArgumentException e) {
            // an event stored by an older version whose action has since been renamed
            return actionCode;
        }
    }
}
