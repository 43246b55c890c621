package io.bouncesweeper.parse.mime;

/** Just enough HTML-to-text for notification bodies: drops tags, turns block ends into newlines. */
public final class Html {
    private Html() {
    }

    public static String toText(String html) {
        StringBuilder b = new StringBuilder(html.length());
        int i = 0, n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    break;
                }
                String tag = html.substring(i + 1, Math.min(close, i + 8)).toLowerCase();
                if (tag.startsWith("br") || tag.startsWith("/p") || tag.startsWith("/div") || tag.startsWith("/tr")
                        || tag.startsWith("p") || tag.startsWith("/li") || tag.startsWith("/h")) {
                    b.append('\n');
                }
                if (tag.startsWith("style") || tag.startsWith("script")) {
                    int end = html.indexOf("</", close);
                    close = end < 0 ? n - 1 : html.indexOf('>', end);
                    if (close < 0) {
                        break;
                    }
                }
                i = close + 1;
            } else if (c == '&') {
                int semi = -1; // entities are short: look a few characters ahead only, never the whole tail
                for (int j = i + 1; j < n && j <= i + 8; j++) {
                    if (html.charAt(j) == ';') {
                        semi = j;
                        break;
                    }
                }
                if (semi > i && semi - i < 8) {
                    String ent = html.substring(i + 1, semi);
                    b.append(switch (ent) {
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "amp" -> "&";
                        case "nbsp" -> " ";
                        case "quot" -> "\"";
                        default -> "";
                    });
                    i = semi + 1;
                } else {
                    b.append(c);
                    i++;
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
