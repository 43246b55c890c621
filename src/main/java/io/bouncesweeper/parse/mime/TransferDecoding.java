package io.bouncesweeper.parse.mime;

import java.util.Arrays;

/**
 * Content-Transfer-Encoding decoders that tolerate damage: base64 skips every byte outside the
 * alphabet and stops at padding; quoted-printable keeps an invalid escape as it stands. Both stop
 * at a caller-given output size so a part can never grow past its cap.
 */
final class TransferDecoding {
    private static final byte[] B64 = new byte[256];

    static {
        Arrays.fill(B64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            B64[alphabet.charAt(i)] = (byte) i;
        }
        B64['-'] = 62; // base64url, seen in the wild
        B64['_'] = 63;
    }

    private TransferDecoding() {
    }

    static byte[] base64(byte[] in) {
        return base64(in, 0, in.length, Integer.MAX_VALUE);
    }

    static byte[] base64(byte[] in, int off, int len, int maxOut) {
        int cap = (int) Math.min((long) maxOut, (len / 4L) * 3 + 3);
        byte[] out = new byte[Math.max(cap, 0)];
        int o = 0, acc = 0, bits = 0;
        for (int i = off, end = off + len; i < end && o < out.length; i++) {
            int b = in[i] & 0xff;
            if (b == '=') {
                break;
            }
            int v = B64[b];
            if (v < 0) {
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
            }
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    static byte[] quotedPrintable(byte[] in, int off, int len, int maxOut) {
        byte[] out = new byte[Math.min(len, maxOut)];
        int o = 0;
        int end = off + len;
        for (int i = off; i < end && o < out.length; i++) {
            byte b = in[i];
            if (b != '=') {
                out[o++] = b;
                continue;
            }
            if (i + 1 < end && in[i + 1] == '\n') { // soft line break
                i += 1;
            } else if (i + 2 < end && in[i + 1] == '\r' && in[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < end && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out[o++] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out[o++] = b;
            }
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        return -1;
    }
}
