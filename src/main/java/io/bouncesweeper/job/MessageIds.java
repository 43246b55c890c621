package io.bouncesweeper.job;

/** Message-IDs as stored: trimmed, and cut to the column's 255 characters. */
final class MessageIds {
    private MessageIds() {
    }

    static String normalize(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        String id = messageId.trim();
        return id.length() <= 255 ? id : id.substring(0, 255);
    }
}
