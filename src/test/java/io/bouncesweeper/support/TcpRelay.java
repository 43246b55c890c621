package io.bouncesweeper.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a real server, for network-fault tests: {@link #cutAll()} drops
 * every open connection the way a restarting server or a broken network would; new connections
 * go through again. What clients send (IMAP commands) is kept, up to 1 MB, for tests that must
 * prove which commands were used.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private static final int MAX_RECORDED = 1 << 20;
    private final StringBuffer sent = new StringBuffer();

    public TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** What clients have sent so far (ISO-8859-1), at most the first 1 MB. */
    public String clientTraffic() {
        return sent.toString();
    }

    private volatile String cutMarker;

    /**
     * The next client write containing {@code marker} (e.g. an IMAP command) is not passed on: its
     * connection is cut instead, once, as a network failure at exactly that command would.
     */
    public void cutOnceWhenClientSends(String marker) {
        cutMarker = marker;
    }

    public void cutAll() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        open.clear();
    }

    private void accept() {
        while (running) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean record) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    String marker = cutMarker;
                    if (record && marker != null
                            && new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker)) {
                        cutMarker = null;
                        return; // finally closes both sides; the command never reaches the server
                    }
                    out.write(buffer, 0, n);
                    if (record && sent.length() < MAX_RECORDED) {
                        sent.append(new String(buffer, 0, Math.min(n, MAX_RECORDED - sent.length()),
                                java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                }
            } catch (IOException ignored) {
                // a cut connection ends here
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // nothing left to do
                }
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        running = false;
        listener.close();
        cutAll();
    }
}
