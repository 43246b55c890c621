package io.bouncesweeper.robust;

import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.support.TestMailbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Dovecot instance of its own for one test class, from a generated config under
 * {@code /tmp/bounce-sweeper-test-dovecot/<name>-<pid>} on free loopback ports, so it never disturbs
 * the shared instance of scripts/services.sh. It reuses what services.sh set up: the Debian
 * package, the non-root vmail user and the self-signed certificate (its key sits beside
 * BOUNCE_SWEEPER_TEST_DOVECOT_CERT). Runs as root, like services.sh. Optionally with an oauth2
 * passdb (XOAUTH2, OAUTHBEARER) pointed at a token-introspection URL.
 */
final class PrivateDovecot implements AutoCloseable {
    static final String USER = "bounces";
    static final String PASSWORD = "private-secret";
    private static final String VMAIL = "vmail";
    /** Dovecot 2.3's post-login CAPABILITY without MOVE (the same list as scripts/services.sh). */
    private static final String CAPABILITY_WITHOUT_MOVE = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT "
            + "SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT "
            + "CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN "
            + "CONTEXT=SEARCH LIST-STATUS BINARY SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY";

    private final Path root;
    private final Path conf;
    private final int imapPort;
    private final int imapsPort;
    private final String cert;

    private PrivateDovecot(Path root, int imapPort, int imapsPort, String cert) {
        this.root = root;
        this.conf = root.resolve("dovecot.conf");
        this.imapPort = imapPort;
        this.imapsPort = imapsPort;
        this.cert = cert;
    }

    /**
     * @param introspectionUrl the oauth2 passdb's token-introspection URL (POST), or null for password logins only
     */
    static PrivateDovecot start(String name, String introspectionUrl) throws Exception {
        return start(name, introspectionUrl, "");
    }

    /** An instance that does not advertise MOVE (UIDPLUS stays), as services.sh's DOVECOT_DISABLE_MOVE=1. */
    static PrivateDovecot startWithoutMove(String name) throws Exception {
        return start(name, null, "imap_capability = " + CAPABILITY_WITHOUT_MOVE);
    }

    /** An instance that advertises neither MOVE nor UIDPLUS (RFC 4315), like some appliance and hosted servers. */
    static PrivateDovecot startWithoutMoveAndUidplus(String name) throws Exception {
        return start(name, null, "imap_capability = " + CAPABILITY_WITHOUT_MOVE.replace(" UIDPLUS", ""));
    }

    /** An instance that offers COMPRESS=DEFLATE (RFC 4978, Dovecot's imap_zlib plugin), as services.sh's. */
    static PrivateDovecot startWithCompression(String name) throws Exception {
        return start(name, null, "mail_plugins = $mail_plugins imap_zlib");
    }

    /** @param imapSetting one extra line for the {@code protocol imap} section, or "" */
    private static PrivateDovecot start(String name, String introspectionUrl, String imapSetting) throws Exception {
        String cert = env("BOUNCE_SWEEPER_TEST_DOVECOT_CERT");
        String key = Path.of(cert).resolveSibling("key.pem").toString();
        // one directory per JVM: test runs of several worktrees on one machine never share (or stop) an instance
        Path root = Path.of("/tmp/bounce-sweeper-test-dovecot", name + "-" + ProcessHandle.current().pid());
        run("rm", "-rf", root.toString());
        Path maildir = root.resolve("mail").resolve(USER).resolve("Maildir");
        for (String d : new String[]{"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(d));
        }
        Files.createDirectories(root.resolve("run"));
        run("chown", "-R", VMAIL + ":" + VMAIL, root.resolve("mail").toString());
        run("chmod", "-R", "go-rwx", root.resolve("mail").resolve(USER).toString());
        Files.writeString(root.resolve("users"), USER + ":{PLAIN}" + PASSWORD + "\n");
        run("chgrp", "dovecot", root.resolve("users").toString());
        run("chmod", "640", root.resolve("users").toString());
        int imapPort = freePort();
        int imapsPort = freePort();
        String oauth2 = "";
        if (introspectionUrl != null) {
            Path ext = root.resolve("dovecot-oauth2.conf.ext");
            Files.writeString(ext, """
                    introspection_mode = post
                    introspection_url = %s
                    force_introspection = yes
                    username_attribute = username
                    active_attribute = active
                    active_value = true
                    """.formatted(introspectionUrl));
            oauth2 = """
                    auth_mechanisms = plain login xoauth2 oauthbearer
                    passdb {
                      driver = oauth2
                      mechanisms = xoauth2 oauthbearer
                      args = %s
                    }
                    """.formatted(ext);
        }
        String uid = output("id", "-u", VMAIL).trim();
        String gid = output("id", "-g", VMAIL).trim();
        Files.writeString(root.resolve("dovecot.conf"), """
                protocols = imap
                listen = 127.0.0.1
                base_dir = %1$s/run
                state_dir = %1$s/run/state
                log_path = %1$s/dovecot.log
                ssl = yes
                ssl_cert = <%2$s
                ssl_key = <%3$s
                disable_plaintext_auth = no
                first_valid_uid = %4$s
                first_valid_gid = %5$s
                %6$s
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=%7$s gid=%7$s home=%1$s/mail/%%u
                }
                mail_location = maildir:~/Maildir
                namespace inbox {
                  inbox = yes
                  separator = /
                }
                protocol imap {
                  mail_max_userip_connections = 50
                  %10$s
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %8$d
                  }
                  inet_listener imaps {
                    address = 127.0.0.1
                    port = %9$d
                    ssl = yes
                  }
                }
                """.formatted(root, cert, key, uid, gid, oauth2, VMAIL, imapPort, imapsPort, imapSetting));
        PrivateDovecot dovecot = new PrivateDovecot(root, imapPort, imapsPort, cert);
        dovecot.startServer();
        return dovecot;
    }

    /** Starts the master again with the same configuration, ports and Maildir (after {@link #stopServer}). */
    void startServer() throws Exception {
        Process p = new ProcessBuilder("dovecot", "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("start.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("dovecot did not start: " + Files.readString(root.resolve("start.log")));
        }
        awaitPort(imapPort);
        awaitPort(imapsPort);
    }

    /**
     * Stops the whole instance (master, login and imap processes: every client connection drops) and
     * returns once nothing listens on its ports any more.
     */
    void stopServer() throws Exception {
        long master = Long.parseLong(Files.readString(root.resolve("run").resolve("master.pid")).trim());
        // the imap processes of logged-in clients outlive a stopped master here (they went on serving
        // their connections): a server going down takes them along, so they are ended too
        List<ProcessHandle> children = ProcessHandle.of(master).map(m -> m.children().toList()).orElse(List.of());
        run("dovecot", "-c", conf.toString(), "stop");
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
        await("dovecot stopped, see " + log()).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !listening(imapsPort) && !listening(imapPort)
                        && !Files.exists(root.resolve("run").resolve("master.pid"))
                        && children.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    TestMailbox imaps() {
        return new TestMailbox("127.0.0.1", imapsPort, ImapSecurity.IMAPS, USER, PASSWORD, cert);
    }

    /** The plain-text (STARTTLS-capable) listener. */
    int imapPort() {
        return imapPort;
    }

    int imapsPort() {
        return imapsPort;
    }

    String cert() {
        return cert;
    }

    Path maildir() {
        return root.resolve("mail").resolve(USER).resolve("Maildir");
    }

    boolean isRunning() {
        return listening(imapsPort);
    }

    Path log() {
        return root.resolve("dovecot.log");
    }

    private void awaitPort(int port) {
        await("dovecot listening on " + port + ", see " + log()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> listening(port));
    }

    private void stop() {
        try {
            run("dovecot", "-c", conf.toString(), "stop");
        } catch (Exception ignored) {
            // not running
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run scripts/services.sh and source its env.sh");
        }
        return value;
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
    }
}
