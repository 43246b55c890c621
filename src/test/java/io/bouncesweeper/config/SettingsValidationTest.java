package io.bouncesweeper.config;

import io.bouncesweeper.BounceSweeperApplication;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * A missing or wrong setting stops the start, and what the operator sees (the start-up failure
 * report on the console) names the setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {
    private static final String[] VALID = {
            "bounce-sweeper.run-on-start=false",
            "bounce-sweeper.imap.host=mail.example.net",
            "bounce-sweeper.imap.user=bounces",
            "bounce-sweeper.imap.password=s3cret-imap-password",
            "bounce-sweeper.db.url=jdbc:mysql://127.0.0.1:1/none",
            "spring.flyway.enabled=false",
            "bounce-sweeper.run-on-start=false",
    };

    private CapturedOutput output;

    @BeforeEach
    void capture(CapturedOutput output) {
        this.output = output;
    }

    @Test
    void missingHostIsNamed() {
        assertThat(startupFailure(without("bounce-sweeper.imap.host"))).contains("bounce-sweeper.imap.host");
    }

    @Test
    void missingDatabaseUrlIsNamed() {
        assertThat(startupFailure(without("bounce-sweeper.db.url"))).contains("bounce-sweeper.db.url");
    }

    @Test
    void plaintextNeedsExplicitConsent() {
        String failure = startupFailure(with("bounce-sweeper.imap.security=NONE"));
        assertThat(failure).contains("bounce-sweeper.imap.allow-plaintext");
    }

    @Test
    void poolSizeOutOfRangeIsNamed() {
        // Boot reports nested record components in camel case, itself a valid spelling of the setting
        assertThat(startupFailure(with("bounce-sweeper.db.pool-size=1")))
                .containsPattern("bounce-sweeper\\.db\\.pool-?[sS]ize");
    }

    @Test
    void unknownSecurityModeIsNamed() {
        assertThat(startupFailure(with("bounce-sweeper.imap.security=SSLv2"))).contains("bounce-sweeper.imap.security");
    }

    @Test
    void aMissingTablesFolderIsNamed() {
        assertThat(startupFailure(with("bounce-sweeper.tables-dir=/nonexistent/bounce-sweeper-tables")))
                .containsPattern("bounce-sweeper\\.tables-?[dD]ir");
    }

    @Test
    void thePasswordNeverAppearsInTheFailure() {
        assertThat(startupFailure(with("bounce-sweeper.imap.security=NONE"))).doesNotContain("s3cret-imap-password");
    }

    private String startupFailure(String... properties) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(BounceSweeperApplication.class)
                .properties(properties).run()) {
            return fail("the application started with " + List.of(properties));
        } catch (RuntimeException e) {
            StringBuilder all = new StringBuilder(output.getAll()).append('\n');
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t).append('\n');
            }
            return all.toString();
        }
    }

    private static String[] without(String key) {
        List<String> list = new ArrayList<>();
        for (String p : VALID) {
            if (!p.startsWith(key + "=")) {
                list.add(p);
            }
        }
        return list.toArray(String[]::new);
    }

    private static String[] with(String property) {
        List<String> list = new ArrayList<>(List.of(VALID));
        String key = property.substring(0, property.indexOf('='));
        list.removeIf(p -> p.startsWith(key + "="));
        list.add(property);
        return list.toArray(String[]::new);
    }
}
