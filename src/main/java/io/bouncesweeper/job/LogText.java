package io.bouncesweeper.job;

/** Text from mail is hostile: strip control characters (no forged log lines) and cap the length. */
public final class LogText {
    private static final int MAX = 300;

    private LogText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX + 1));
        for (int i = 0; i < text.length() && sb.length() < MAX; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX) {
            sb.append('…');
        }
        return sb.toString();
    }
}
