package io.bouncesweeper.domain;

/**
 * The classifier's verdict on one record.
 *
 * @param status the effective enhanced status: the mail's own, or one derived from the reason
 * @param rule   name of the rule that decided, stored with the event so a verdict can be explained
 */
public record Classification(BounceClass bounceClass, Reason reason, OperatorAction action, String status, String rule) {
}
