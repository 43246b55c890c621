package io.bouncesweeper.robust;

import io.bouncesweeper.BounceSweeperApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** bounce-sweeper.imap.auth: the credential each mode needs is checked at start, and named. */
@ExtendWith(OutputCaptureExtension.class)
class ImapAuthSettingsTest {
    private static final List<String> BASE = List.of(
            "bounce-sweeper.run-on-start=false",
            "bounce-sweeper.imap.host=mail.example.net",
            "bounce-sweeper.imap.user=bounces",
            "bounce-sweeper.db.url=jdbc:mysql://127.0.0.1:1/none",
            "spring.flyway.enabled=false",
            "bounce-sweeper.job-file=does-not-exist.yml");

    @Test
    void passwordModeNeedsAPassword(CapturedOutput output) {
        assertThat(startupFailure(output)).contains("bounce-sweeper.imap.password");
    }

    @Test
    void xoauth2NeedsExactlyOneTokenSource(CapturedOutput output) {
        assertThat(startupFailure(output, "bounce-sweeper.imap.auth=XOAUTH2")).contains("token-file");
        String two = startupFailure(output, "bounce-sweeper.imap.auth=XOAUTH2", "bounce-sweeper.imap.token=tok-1f2e3d",
                "bounce-sweeper.imap.token-command=echo tok-1f2e3d");
        assertThat(two).contains("token-command").doesNotContain("tok-1f2e3d");
    }

    @Test
    void oauth2NeedsItsGrantAndNamesTheMissingCredential(CapturedOutput output) {
        assertThat(startupFailure(output, "bounce-sweeper.imap.auth=OAUTH2")).contains("bounce-sweeper.imap.oauth2.grant");
        String noSecret = startupFailure(output, "bounce-sweeper.imap.auth=OAUTH2",
                "bounce-sweeper.imap.oauth2.grant=client-credentials",
                "bounce-sweeper.imap.oauth2.token-endpoint=https://login.microsoftonline.com/contoso/oauth2/v2.0/token",
                "bounce-sweeper.imap.oauth2.client-id=0f1e2d3c");
        assertThat(noSecret).contains("bounce-sweeper.imap.oauth2").contains("client-secret-env");
    }

    private static String startupFailure(CapturedOutput output, String... extra) {
        List<String> props = new ArrayList<>(BASE);
        props.addAll(List.of(extra));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(BounceSweeperApplication.class)
                .properties(props.toArray(String[]::new)).run()) {
            return fail("started with " + props);
        } catch (RuntimeException e) {
            StringBuilder all = new StringBuilder(output.getAll());
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append('\n').append(t);
            }
            return all.toString();
        }
    }
}
