package io.bouncesweeper.deploy;

import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.OAuth2Grant;
import io.bouncesweeper.config.OAuth2Settings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.bouncesweeper.deploy.RenderedChart.container;
import static io.bouncesweeper.deploy.RenderedChart.examples;
import static io.bouncesweeper.deploy.RenderedChart.render;
import static io.bouncesweeper.deploy.RenderedChart.requiredEnv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code oauth2Secrets}: the OAuth2 secrets of mailbox entries come from Kubernetes Secrets the
 * operator created, mounted as files or given as env; the Microsoft 365 and Google service-account
 * examples render, their definitions load as the application loads them, and every secret file
 * they name is a key of a mounted Secret.
 */
class HelmOAuth2SecretsTest {

    @Test
    void microsoft365ExampleIsAClientCredentialsGrantWhoseSecretFileComesFromTheMountedSecret(@TempDir Path dir)
            throws IOException {
        RenderedChart chart = render(examples("microsoft365-values.yaml"));
        List<OAuth2Settings> grants = grants(chart, dir);

        assertThat(grants).hasSize(2).allSatisfy(g -> {
            assertThat(g.grant()).isEqualTo(OAuth2Grant.CLIENT_CREDENTIALS);
            assertThat(g.tokenEndpoint().toString()).startsWith("https://login.microsoftonline.com/")
                    .endsWith("/oauth2/v2.0/token");
            assertThat(g.scope()).isEqualTo("https://outlook.office365.com/.default");
        });
        assertFilesServedBySecret(chart, grants.get(0).clientSecretFile(), "m365-bounces-oauth2");
        assertThat(chart.yaml).as("no secret in the rendered chart").doesNotContain("client-secret: ");
    }

    @Test
    void googleExampleIsAJwtBearerGrantImpersonatingTheMailboxWithTheKeyFileFromTheMountedSecret(@TempDir Path dir)
            throws IOException {
        RenderedChart chart = render(examples("google-service-account-values.yaml"));
        List<OAuth2Settings> grants = grants(chart, dir);

        assertThat(grants).hasSize(2).allSatisfy(g -> {
            assertThat(g.grant()).isEqualTo(OAuth2Grant.JWT_BEARER);
            assertThat(g.tokenEndpoint().toString()).isEqualTo("https://oauth2.googleapis.com/token");
            assertThat(g.subject()).isEqualTo("bounces@example.com");
            assertThat(g.scope()).isEqualTo("https://mail.google.com/");
        });
        assertFilesServedBySecret(chart, grants.get(0).privateKeyFile(), "google-bounces-oauth2");
    }

    @Test
    void secretKeysCanBeEnvInsteadOfFilesAndNothingIsMountedThen() {
        RenderedChart chart = render(List.of(), Map.of(
                "oauth2Secrets[0].name", "shop", "oauth2Secrets[0].secretName", "shop-oauth2",
                "oauth2Secrets[0].env[0].name", "SHOP_REFRESH_TOKEN", "oauth2Secrets[0].env[0].key", "refresh-token"));
        Container container = container(cronPod(chart));

        EnvVar token = requiredEnv(container, "SHOP_REFRESH_TOKEN");
        assertThat(token.getValue()).isNull();
        assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-oauth2");
        assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("refresh-token");
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath)
                .noneMatch(p -> p.startsWith("/config/oauth2"));
    }

    @Test
    void anEntryWithoutItsSecretIsRejectedByTheSchema(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("bad.yaml"), "oauth2Secrets:\n  - name: shop\n    mount: true\n");
        assertThatThrownBy(() -> render(values))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("secretName");
    }

    private static List<OAuth2Settings> grants(RenderedChart chart, Path dir) throws IOException {
        List<JobDefinition> definitions = chart.jobDefinitions(dir);
        assertThat(definitions).hasSize(1);
        return definitions.get(0).mailboxes().stream().map(JobDefinition.Mailbox::oauth2).toList();
    }

    /** The file lies in a read-only mount of a volume made from {@code secret}. */
    private static void assertFilesServedBySecret(RenderedChart chart, String file, String secret) {
        PodSpec pod = cronPod(chart);
        VolumeMount mount = container(pod).getVolumeMounts().stream()
                .filter(m -> file.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow(
                        () -> new AssertionError(file + " is in no mounted volume"));
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo(secret);
        assertThat(file.substring(mount.getMountPath().length() + 1)).as("a key, not a sub-folder")
                .doesNotContain("/");
    }

    private static PodSpec cronPod(RenderedChart chart) {
        return chart.one(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }
}
