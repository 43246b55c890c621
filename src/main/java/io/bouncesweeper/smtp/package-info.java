/**
 * The SMTP evidence of a failure, read the same way by the parser and the classifier: the reply
 * code a server gave ({@link io.bouncesweeper.smtp.Reply}), the enhanced status code of RFC 3463
 * ({@link io.bouncesweeper.smtp.Status}), the command the server refused
 * ({@link io.bouncesweeper.smtp.Command}) and white space folded as servers wrap their replies
 * ({@link io.bouncesweeper.smtp.Squash}). Like go-sisimai's {@code smtp/reply},
 * {@code smtp/status} and {@code smtp/command}. Hand-written linear scans, no regular expressions:
 * they run over every diagnostic. Depends on nothing else of the project.
 */
package io.bouncesweeper.smtp;
