package io.bouncesweeper.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties a bounce back to what was sent: the original message's correlating headers (found in its
 * message/rfc822 or text/rfc822-headers part) and a VERP return path that encodes the recipient.
 *
 * @param campaignHeader   original header stored as {@code campaign_id} (default X-Campaign-Id)
 * @param subscriberHeader original header stored as {@code subscriber_id} (default X-Subscriber-Id)
 * @param listHeader       original header stored as {@code list_id} (default List-Id)
 * @param extraHeaders     further original headers, stored together in {@code correlation}
 * @param verp             VERP pattern of the return path, e.g. {@code bounces+{local}={domain}@example.com};
 *                         null or blank for none
 */
public record Correlation(String campaignHeader, String subscriberHeader, String listHeader,
                          List<String> extraHeaders, String verp) {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()]+@[^\\s<>\"',;:()]+");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])");

    public Correlation {
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    public static Correlation defaults() {
        return new Correlation("X-Campaign-Id", "X-Subscriber-Id", "List-Id", List.of(), null);
    }

    /** Every original header this correlation reads, for the parser to keep. */
    public List<String> headerNames() {
        List<String> names = new ArrayList<>();
        for (String n : new String[]{campaignHeader, subscriberHeader, listHeader, "From", "Return-Path"}) {
            if (n != null && !n.isBlank()) {
                names.add(n);
            }
        }
        names.addAll(extraHeaders);
        return names;
    }

    public String header(Map<String, String> headers, String name) {
        if (name == null || name.isBlank() || headers.isEmpty()) {
            return null;
        }
        String v = lookup(headers, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The extra headers as "Name: value" lines, or null. */
    public String extra(Map<String, String> headers) {
        StringBuilder sb = new StringBuilder();
        for (String name : extraHeaders) {
            String v = header(headers, name);
            if (v != null) {
                sb.append(sb.isEmpty() ? "" : "\n").append(name).append(": ").append(v);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The recipient a VERP address encodes ({@code bounces+bob=example.org@example.com} → bob@example.org). */
    public String verpRecipient(List<String> candidates) {
        if (verp == null || verp.isBlank()) {
            return null;
        }
        Pattern p = verpPattern();
        for (String c : candidates) {
            if (c == null) {
                continue;
            }
            Matcher addresses = ADDRESS.matcher(c);
            while (addresses.find()) {
                Matcher m = p.matcher(addresses.group());
                if (m.matches()) {
                    return Columns.address(m.group("local") + "@" + m.group("domain"));
                }
            }
        }
        return null;
    }

    private Pattern verpPattern() {
        String v = verp.strip();
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < v.length()) {
            if (v.startsWith("{local}", i)) {
                regex.append("(?<local>[^@=]+?)");
                i += "{local}".length();
            } else if (v.startsWith("{domain}", i)) {
                regex.append("(?<domain>[^@=]+?)");
                i += "{domain}".length();
            } else {
                int next = v.indexOf('{', i + 1);
                int end = next < 0 ? v.length() : next;
                regex.append(Pattern.quote(v.substring(i, end)));
                i = end;
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Domain of the original message's sender: its From, else its Return-Path. */
    public String senderDomain(Map<String, String> headers) {
        for (String name : new String[]{"From", "Return-Path"}) {
            String v = header(headers, name);
            if (v != null) {
                Matcher m = ADDRESS.matcher(v);
                if (m.find()) {
                    return Columns.domain(Columns.address(m.group()));
                }
            }
        }
        return null;
    }

    /**
     * The sending IP a receiver names in its refusal ("banned sending IP [192.0.2.33]"), best
     * effort: an IPv4 address in the diagnostic that is not the receiving host's own ("host
     * mx.example.org[198.51.100.1] said").
     */
    public static String senderIp(String diagnostic, String remoteMta) {
        if (diagnostic == null) {
            return null;
        }
        Matcher m = IPV4.matcher(diagnostic);
        while (m.find()) {
            String ip = m.group(1);
            String after = diagnostic.substring(m.end(), Math.min(diagnostic.length(), m.end() + 8)).toLowerCase(Locale.ROOT);
            if (after.matches("^\\]?\\s*said.*") || remoteMta != null && remoteMta.contains(ip)) {
                continue;
            }
            return ip;
        }
        return null;
    }

    /** Domain of the receiving server ("dns; mx1.mail.example.org" → example.org): the provider. */
    public static String providerOf(String remoteMta) {
        if (remoteMta == null) {
            return null;
        }
        String host = remoteMta.strip();
        int semi = host.indexOf(';');
        if (semi >= 0) {
            host = host.substring(semi + 1).strip();
        }
        int space = host.indexOf(' ');
        if (space > 0) {
            host = host.substring(0, space);
        }
        int bracket = host.indexOf('[');
        if (bracket > 0) {
            host = host.substring(0, bracket);
        }
        host = host.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
        if (host.isEmpty() || host.matches("[\\d.]+") || host.contains(":") || !host.contains(".")) {
            return null;
        }
        String[] labels = host.split("\\.");
        int keep = labels.length >= 3 && labels[labels.length - 1].length() == 2 && labels[labels.length - 2].length() <= 3
                ? 3 : 2; // mail.example.co.uk → example.co.uk
        keep = Math.min(keep, labels.length);
        return Columns.cut(String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length)), 255);
    }

    /**
     * The value of a header whatever its case; of several case variants the last one, as a
     * case-insensitive map would keep it. A scan: the maps are small and this runs per record.
     */
    private static String lookup(Map<String, String> headers, String name) {
        String found = null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey())) {
                found = e.getValue();
            }
        }
        return found;
    }
}
