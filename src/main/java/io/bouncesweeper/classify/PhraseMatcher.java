package io.bouncesweeper.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many phrases occur in a text in one pass (Aho–Corasick), so adding phrases does
 * not slow classification down. Built once, read-only afterwards: safe for concurrent use.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseMatcher<T> {

    /** Reports each phrase found; the matcher calls it once per occurrence, with the index after its last character. */
    interface Hits<T> {
        void found(T value, int end);
    }

    // Node i: transitions labels[i] (sorted) -> targets[i]; fail link; values ending here (own and via fail links)
    private final char[][] labels;
    private final int[][] targets;
    private final int[] fail;
    private final Object[][] outputs;
    // The scan sits at the root for most characters of a text: a direct table there saves a search
    private final int[] rootAscii = new int[128];
    /**
     * For ASCII characters, the node the scan moves to from node i on character c, fail links
     * already followed ({@code ascii[i * 128 + c]}): one array read per character instead of
     * searches along the fail chain. Null when there are too many nodes for char-sized entries.
     */
    private final char[] ascii;

    PhraseMatcher(Map<String, T> phrases) {
        List<Map<Character, Integer>> edges = new ArrayList<>();
        List<List<Object>> out = new ArrayList<>();
        edges.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (Map.Entry<String, T> e : phrases.entrySet()) {
            int node = 0;
            for (char c : e.getKey().toCharArray()) {
                Integer next = edges.get(node).get(c);
                if (next == null) {
                    next = edges.size();
                    edges.get(node).put(c, next);
                    edges.add(new HashMap<>());
                    out.add(new ArrayList<>());
                }
                node = next;
            }
            out.get(node).add(e.getValue());
        }
        int n = edges.size();
        labels = new char[n][];
        targets = new int[n][];
        for (int i = 0; i < n; i++) {
            char[] keys = new char[edges.get(i).size()];
            int k = 0;
            for (char c : edges.get(i).keySet()) {
                keys[k++] = c;
            }
            Arrays.sort(keys);
            int[] to = new int[keys.length];
            for (int j = 0; j < keys.length; j++) {
                to[j] = edges.get(i).get(keys[j]);
            }
            labels[i] = keys;
            targets[i] = to;
        }
        for (char c = 0; c < 128; c++) { // before the fail links, which step through the root
            int j = Arrays.binarySearch(labels[0], c);
            rootAscii[c] = j >= 0 ? targets[0][j] : -1;
        }
        fail = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        List<Integer> breadthFirst = new ArrayList<>(n);
        for (int child : targets[0]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            breadthFirst.add(node);
            for (int j = 0; j < labels[node].length; j++) {
                char c = labels[node][j];
                int child = targets[node][j];
                int f = fail[node];
                while (f != 0 && step(f, c) < 0) {
                    f = fail[f];
                }
                int s = step(f, c);
                fail[child] = s >= 0 && s != child ? s : 0;
                out.get(child).addAll(out.get(fail[child]));
                queue.add(child);
            }
        }
        outputs = new Object[n][];
        for (int i = 0; i < n; i++) {
            outputs[i] = out.get(i).toArray();
        }
        ascii = n <= Character.MAX_VALUE ? asciiMoves(breadthFirst) : null;
    }

    /** The moves on ASCII characters, fail links resolved: a node's fail target is shallower, so it is filled first. */
    private char[] asciiMoves(List<Integer> breadthFirst) {
        char[] moves = new char[labels.length * 128];
        for (char c = 0; c < 128; c++) {
            moves[c] = (char) Math.max(rootAscii[c], 0);
        }
        for (int node : breadthFirst) {
            for (char c = 0; c < 128; c++) {
                int s = step(node, c);
                moves[node * 128 + c] = s >= 0 ? (char) s : moves[fail[node] * 128 + c];
            }
        }
        return moves;
    }

    private int step(int node, char c) {
        if (node == 0 && c < 128) {
            return rootAscii[c];
        }
        int j = Arrays.binarySearch(labels[node], c);
        return j >= 0 ? targets[node][j] : -1;
    }

    @SuppressWarnings("unchecked")
    void scan(CharSequence text, Hits<T> hits) {
        int node = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c < 128 && ascii != null) {
                node = ascii[node * 128 + c];
            } else {
                int next;
                while ((next = step(node, c)) < 0 && node != 0) {
                    node = fail[node];
                }
                node = Math.max(next, 0);
            }
            for (Object value : outputs[node]) {
                hits.found((T) value, i + 1);
            }
        }
    }
}
