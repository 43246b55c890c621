/**
 * Reading MIME: mbox framing ({@link io.bouncesweeper.parse.mime.Mbox}), the bounded walk of a
 * message into {@link io.bouncesweeper.parse.mime.MimePart}s
 * ({@link io.bouncesweeper.parse.mime.MimeReader}), header fields and RFC 2047 encoded words,
 * content types, transfer decodings, charsets that never fail, HTML to text. It knows nothing of
 * bounces: {@code io.bouncesweeper.parse} reads reports on top of it, and this package imports no
 * other package of the project (MimePackageBoundaryTest). Every dimension of hostile input is
 * capped by a named constant of {@link io.bouncesweeper.parse.mime.MimeReader}; nothing here throws
 * on malformed mail.
 */
package io.bouncesweeper.parse.mime;
