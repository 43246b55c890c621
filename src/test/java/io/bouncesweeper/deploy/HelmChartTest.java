package io.bouncesweeper.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import io.bouncesweeper.config.JobDefinition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.bouncesweeper.deploy.RenderedChart.ciValues;
import static io.bouncesweeper.deploy.RenderedChart.container;
import static io.bouncesweeper.deploy.RenderedChart.env;
import static io.bouncesweeper.deploy.RenderedChart.render;
import static io.bouncesweeper.deploy.RenderedChart.requiredEnv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart in {@code helm/bounce-sweeper}: real Helm lint and template (helm-java), the rendered
 * manifests parsed as fabric8 Kubernetes objects.
 */
class HelmChartTest {

    private static final String FULLNAME = "sweeper-bounce-sweeper";

    // ---------------------------------------------------------------- lint

    @Test
    void chartPassesStrictHelmLint() {
        LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    // ---------------------------------------------------------------- default values: CronJob

    @Test
    void defaultValuesRenderCronJobConfigMapAndSecretOnly() {
        RenderedChart chart = render();

        assertThat(chart.objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactlyInAnyOrder("CronJob/" + FULLNAME, "ConfigMap/" + FULLNAME + "-jobs", "Secret/" + FULLNAME);
        assertThat(chart.find(Deployment.class)).isEmpty();
        assertThat(chart.find(ServiceAccount.class)).isEmpty();
        chart.objects.forEach(o -> assertThat(o.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "bounce-sweeper")
                .containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE)
                .containsEntry("app.kubernetes.io/version", "0.1.0")
                .containsEntry("app.kubernetes.io/managed-by", "Helm"));
    }

    @Test
    void cronJobSchedulesOneRunAtATimeWithLimits() {
        CronJob cronJob = render().one(CronJob.class);

        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("30 2 * * *");
        assertThat(cronJob.getSpec().getTimeZone()).isNull();
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getSuspend()).isFalse();
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isEqualTo(600L);
        assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
        assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isEqualTo(3);

        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
        assertThat(job.getBackoffLimit()).isEqualTo(1);
        assertThat(job.getActiveDeadlineSeconds()).isEqualTo(3600L);
        assertThat(job.getTtlSecondsAfterFinished()).isNull();
        assertThat(job.getCompletionMode()).as("not sharded by default").isNull();
        assertThat(job.getCompletions()).isNull();
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void disruptionsAreNotCountedAsFailuresAndChosenExitCodesFailTheJobAtOnce() {
        List<PodFailurePolicyRule> defaults = render().one(CronJob.class).getSpec().getJobTemplate().getSpec()
                .getPodFailurePolicy().getRules();
        assertThat(defaults).singleElement().satisfies(rule -> {
            assertThat(rule.getAction()).isEqualTo("Ignore");
            assertThat(rule.getOnPodConditions()).singleElement()
                    .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
        });

        List<PodFailurePolicyRule> failOnTwo = render(ciValues("existing-secret-values.yaml")).one(CronJob.class)
                .getSpec().getJobTemplate().getSpec().getPodFailurePolicy().getRules();
        assertThat(failOnTwo).hasSize(2).first().satisfies(rule -> {
            assertThat(rule.getAction()).isEqualTo("FailJob");
            assertThat(rule.getOnExitCodes().getOperator()).isEqualTo("In");
            assertThat(rule.getOnExitCodes().getValues()).containsExactly(2);
            assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo("bounce-sweeper");
        });

        JobSpec withoutPolicy = render(List.of(), Map.of("cronJob.podFailurePolicy.enabled", false))
                .one(CronJob.class).getSpec().getJobTemplate().getSpec();
        assertThat(withoutPolicy.getPodFailurePolicy()).isNull();
    }

    @Test
    void cronJobRunsTheConfiguredDefinitionFromTheMountedConfigMap() {
        RenderedChart chart = render();
        PodSpec pod = cronPod(chart);
        Container container = container(pod);

        assertThat(container.getName()).isEqualTo("bounce-sweeper");
        assertThat(container.getImage()).isEqualTo("bounce-sweeper:0.1.0");
        assertThat(container.getArgs()).containsExactly("--job=nightly-cleanup");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_JOBS_DIR").getValue()).isEqualTo("/config/jobs");

        VolumeMount jobsMount = mount(container, "/config/jobs");
        assertThat(jobsMount.getReadOnly()).isTrue();
        Volume jobsVolume = volume(pod, jobsMount.getName());
        assertThat(jobsVolume.getConfigMap().getName()).isEqualTo(FULLNAME + "-jobs");

        ConfigMap jobs = chart.one(ConfigMap.class);
        assertThat(jobs.getMetadata().getName()).isEqualTo(FULLNAME + "-jobs");
        assertThat(jobs.getData()).containsOnlyKeys("nightly-cleanup.yml", "reprocess-historic.yml");
    }

    @Test
    void defaultJobDefinitionsAreTheProjectsOwn() throws IOException {
        Map<String, String> inChart = render().one(ConfigMap.class).getData();

        for (String file : List.of("nightly-cleanup.yml", "reprocess-historic.yml")) {
            Object shipped = new Yaml().load(Files.readString(Path.of("jobs", file)));
            assertThat((Object) new Yaml().load(inChart.get(file)))
                    .as("helm/bounce-sweeper/values.yaml jobs.%s differs from jobs/%s: copy the file over", file.replace(".yml", ""), file)
                    .isEqualTo(shipped);
        }
    }

    @Test
    void everyDefinitionInTheChartLoadsAsTheApplicationLoadsIt(@TempDir Path dir) throws IOException {
        for (Path values : List.of(ciValues("scheduler-values.yaml"), ciValues("sharded-values.yaml"),
                ciValues("uid-split-values.yaml"))) {
            checkDefinitionsLoad(render(values), dir.resolve(values.getFileName().toString()));
        }
        List<JobDefinition> defaults = checkDefinitionsLoad(render(), dir.resolve("defaults"));
        assertThat(defaults).extracting(JobDefinition::name).containsExactly("nightly-cleanup", "reprocess-historic");
        assertThat(defaults.get(0).schedule()).as("the nightly job has a Quartz schedule for scheduler mode").isNotBlank();
    }

    @Test
    void shardedExampleHasOneShardPerMailboxEntry(@TempDir Path dir) throws IOException {
        RenderedChart chart = render(ciValues("sharded-values.yaml"));
        JobDefinition definition = checkDefinitionsLoad(chart, dir).get(0);
        int shards = chart.one(CronJob.class).getSpec().getJobTemplate().getSpec().getCompletions();

        assertThat(definition.mailboxes()).hasSize(shards);
        // every password-env a mailbox entry names is set from a key of the chart's Secret
        Container container = container(cronPod(chart));
        Map<String, String> secretData = chart.one(Secret.class).getData();
        List<String> passwordEnvs = definition.mailboxes().stream().map(JobDefinition.Mailbox::passwordEnv)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(passwordEnvs).containsExactly("SHOP_IMAP_PASSWORD", "NEWS_IMAP_PASSWORD");
        for (String env : passwordEnvs) {
            EnvVar var = requiredEnv(container, env);
            assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo(FULLNAME);
            assertThat(secretData).containsKey(var.getValueFrom().getSecretKeyRef().getKey());
        }
    }

    /**
     * The UID-split example: one pod per range, every range of the same folder and account, and the
     * ranges disjoint and together every UID, so each message is read by exactly one pod.
     */
    @Test
    void uidSplitExampleGivesEachIndexOneRangeAndTheRangesCoverTheFolderOnce(@TempDir Path dir) throws IOException {
        RenderedChart chart = render(ciValues("uid-split-values.yaml"));
        JobDefinition definition = checkDefinitionsLoad(chart, dir).get(0);
        JobSpec job = chart.one(CronJob.class).getSpec().getJobTemplate().getSpec();

        assertThat(job.getCompletionMode()).isEqualTo("Indexed");
        assertThat(definition.mailboxes()).hasSize(job.getCompletions());
        assertThat(definition.mailboxes()).extracting(m -> m.folder() + " " + m.host() + " " + m.user())
                .as("one folder of one account").containsOnly(definition.mailboxes().get(0).folder() + " null null");
        assertThat(requiredEnv(container(cronPod(chart)), "JOB_COMPLETION_INDEX").getValueFrom().getFieldRef()
                .getFieldPath()).isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        long next = 1;
        for (JobDefinition.Mailbox m : definition.mailboxes()) {
            io.bouncesweeper.domain.UidRange r = m.uids();
            assertThat(r.from()).as("range " + r + " starts where the one before it ended").isEqualTo(next);
            next = r.to() + 1;
        }
        assertThat(next - 1).as("the last range is open: no UID is left unread")
                .isEqualTo(io.bouncesweeper.domain.UidRange.MAX_UID);
    }

    @Test
    void settingsArePlainEnvAndPasswordsComeFromTheChartsSecret() {
        RenderedChart chart = render(List.of(), Map.of(
                "imap.host", "imap.example.org", "imap.user", "bounces", "imap.password", "s3cret",
                "database.url", "jdbc:mysql://db:3306/bounces", "database.user", "app", "database.password", "dbpw",
                "maxParallelMailboxes", 4, "purgeOlderThan", "180d"));
        Container container = container(cronPod(chart));

        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_HOST").getValue()).isEqualTo("imap.example.org");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_USER").getValue()).isEqualTo("bounces");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_SECURITY").getValue()).isEqualTo("IMAPS");
        assertThat(env(container, "BOUNCE_SWEEPER_IMAP_PORT")).as("port left to the security default").isEmpty();
        assertThat(env(container, "BOUNCE_SWEEPER_IMAP_TRUST_STORE")).isEmpty();
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_DB_URL").getValue()).isEqualTo("jdbc:mysql://db:3306/bounces");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_DB_USER").getValue()).isEqualTo("app");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_MAX_PARALLEL_MAILBOXES").getValue()).isEqualTo("4");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_PURGE_OLDER_THAN").getValue()).isEqualTo("180d");
        assertThat(requiredEnv(container, "JAVA_TOOL_OPTIONS").getValue()).contains("-XX:MaxRAMPercentage=75");

        assertSecretRef(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_PASSWORD"), FULLNAME, "imap-password");
        assertSecretRef(requiredEnv(container, "BOUNCE_SWEEPER_DB_PASSWORD"), FULLNAME, "db-password");
        assertThat(container.getEnv()).as("no password as a plain value")
                .noneMatch(e -> e.getName().endsWith("PASSWORD") && e.getValue() != null);
        assertThat(chart.yaml).doesNotContain("s3cret").doesNotContain("dbpw");

        Secret secret = chart.one(Secret.class);
        assertThat(secret.getMetadata().getName()).isEqualTo(FULLNAME);
        assertThat(decode(secret, "imap-password")).isEqualTo("s3cret");
        assertThat(decode(secret, "db-password")).isEqualTo("dbpw");
    }

    @Test
    void unsetSettingsAreNoEnvSoTheApplicationDefaultsApply() {
        Container container = container(cronPod(render(List.of(), Map.of("imap.security", ""))));

        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .doesNotContain("BOUNCE_SWEEPER_IMAP_HOST", "BOUNCE_SWEEPER_IMAP_PORT", "BOUNCE_SWEEPER_IMAP_USER",
                        "BOUNCE_SWEEPER_IMAP_SECURITY", "BOUNCE_SWEEPER_DB_URL", "BOUNCE_SWEEPER_DB_USER",
                        "BOUNCE_SWEEPER_MAX_PARALLEL_MAILBOXES", "BOUNCE_SWEEPER_PURGE_OLDER_THAN", "JOB_COMPLETION_INDEX")
                .contains("BOUNCE_SWEEPER_IMAP_PASSWORD", "BOUNCE_SWEEPER_DB_PASSWORD");
    }

    @Test
    void podRunsNonRootReadOnlyWithoutCapabilitiesAndWritableTmpOnly() {
        PodSpec pod = cronPod(render());
        Container container = container(pod);

        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isEqualTo(10001L);
        assertThat(podSecurity.getRunAsGroup()).isEqualTo(10001L);
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        SecurityContext security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getRunAsUser()).isEqualTo(10001L);
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getPrivileged()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();

        Volume tmp = volume(pod, mount(container, "/tmp").getName());
        assertThat(tmp.getEmptyDir()).isNotNull();
        assertThat(tmp.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("256Mi"));
        assertThat(container.getVolumeMounts()).allSatisfy(m -> {
            if (!m.getMountPath().equals("/tmp")) {
                assertThat(m.getReadOnly()).as("only /tmp is writable: %s", m.getMountPath()).isTrue();
            }
        });
    }

    @Test
    void resourcesComeFromValues() {
        Container defaults = container(cronPod(render()));
        assertThat(defaults.getResources().getRequests())
                .containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("512Mi"));
        assertThat(defaults.getResources().getLimits())
                .containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("1Gi"));

        Container custom = container(cronPod(render(List.of(), Map.of(
                "resources.requests.memory", "2Gi", "resources.limits.memory", "3Gi"))));
        assertThat(custom.getResources().getRequests()).containsEntry("memory", new Quantity("2Gi"));
        assertThat(custom.getResources().getLimits()).containsEntry("memory", new Quantity("3Gi"));
    }

    @Test
    void metricsAnnotationsAreOffByDefault() {
        PodTemplateSpec template = render().one(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate();

        assertThat(template.getMetadata().getAnnotations()).doesNotContainKeys("prometheus.io/scrape", "prometheus.io/port");
        assertThat(container(template.getSpec()).getPorts()).isNullOrEmpty();
        assertThat(env(container(template.getSpec()), "MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ENABLED"))
                .as("no Pushgateway unless one is named").isEmpty();
    }

    @Test
    void aPushgatewayAddressMakesEachCronRunPushItsMeters() {
        Container container = container(cronPod(render(List.of(), Map.of("metrics.pushgateway", "pushgateway.monitoring:9091"))));

        assertThat(requiredEnv(container, "MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ENABLED").getValue()).isEqualTo("true");
        assertThat(requiredEnv(container, "MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ADDRESS").getValue())
                .isEqualTo("pushgateway.monitoring:9091");
        assertThat(container.getLivenessProbe()).as("a run-once pod serves no HTTP").isNull();
    }

    @Test
    void schedulerProbesAskTheManagementPortForLivenessAndReadiness() {
        Container container = container(render(ciValues("scheduler-values.yaml")).one(Deployment.class).getSpec()
                .getTemplate().getSpec());

        assertThat(requiredEnv(container, "MANAGEMENT_SERVER_PORT").getValue()).isEqualTo("9404");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
        assertThat(container.getReadinessProbe().getFailureThreshold()).isEqualTo(4);
        assertThat(env(container, "MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ENABLED")).isEmpty();

        Container withoutProbes = container(render(List.of(ciValues("scheduler-values.yaml")), Map.of("scheduler.probes.enabled", false))
                .one(Deployment.class).getSpec().getTemplate().getSpec());
        assertThat(withoutProbes.getLivenessProbe()).isNull();
        assertThat(withoutProbes.getReadinessProbe()).isNull();
    }

    // ---------------------------------------------------------------- non-default values

    @Test
    void existingSecretIsReferencedAndNoSecretIsCreated() {
        RenderedChart chart = render(ciValues("existing-secret-values.yaml"));
        CronJob cronJob = chart.one(CronJob.class);
        PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container container = container(pod);

        assertThat(chart.find(Secret.class)).isEmpty();
        assertThat(chart.yaml).doesNotContain("ignored-because-existingSecret-is-set");
        assertSecretRef(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_PASSWORD"), "bounce-sweeper-credentials", "imap");
        assertSecretRef(requiredEnv(container, "BOUNCE_SWEEPER_DB_PASSWORD"), "bounce-sweeper-credentials", "mysql");

        // trust store from its own Secret, mounted read-only, path and password passed on
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_TRUST_STORE").getValue()).isEqualTo("/config/truststore/ca.p12");
        assertSecretRef(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_TRUST_STORE_PASSWORD"), "imap-ca", "ca-password");
        Volume trustStore = volume(pod, mount(container, "/config/truststore").getName());
        assertThat(trustStore.getSecret().getSecretName()).isEqualTo("imap-ca");

        // the other non-default values of that file
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("*/15 * * * *");
        assertThat(cronJob.getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isEqualTo(300L);
        assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(5);
        assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isEqualTo(7);
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
        assertThat(job.getBackoffLimit()).isZero();
        assertThat(job.getActiveDeadlineSeconds()).isEqualTo(900L);
        assertThat(job.getTtlSecondsAfterFinished()).isEqualTo(86400);
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_MAX_PARALLEL_MAILBOXES").getValue()).isEqualTo("4");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_DB_URL").getValue()).isEqualTo("jdbc:mysql://db:3306/bounces");
        assertSecretRef(requiredEnv(container, "SECOND_IMAP_PASSWORD"), "bounce-sweeper-credentials", "second-imap");
    }

    @Test
    void schedulerModeRendersDeploymentRunningTheClusteredScheduler() {
        RenderedChart chart = render(ciValues("scheduler-values.yaml"));

        assertThat(chart.find(CronJob.class)).isEmpty();
        Deployment deployment = chart.one(Deployment.class);
        assertThat(deployment.getMetadata().getName()).isEqualTo(FULLNAME);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .containsOnly(Map.entry("app.kubernetes.io/name", "bounce-sweeper"),
                        Map.entry("app.kubernetes.io/instance", RenderedChart.RELEASE));
        PodTemplateSpec template = deployment.getSpec().getTemplate();
        assertThat(template.getMetadata().getLabels()).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(template.getSpec().getRestartPolicy()).isEqualTo("Always");

        Container container = container(template.getSpec());
        assertThat(container.getArgs()).containsExactly("--mode=scheduler");
        assertThat(container.getImage()).isEqualTo("registry.example.org/mail/bounce-sweeper:0.1.0");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_JOBS_DIR").getValue()).isEqualTo("/config/jobs");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_SECURITY").getValue()).isEqualTo("STARTTLS");
        assertThat(requiredEnv(container, "BOUNCE_SWEEPER_IMAP_PORT").getValue()).isEqualTo("143");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("1536Mi"));

        // values files merge into the default map: the shipped definitions stay unless set to null
        assertThat(chart.one(ConfigMap.class).getData())
                .containsOnlyKeys("nightly-cleanup.yml", "weekly-hard.yml", "reprocess-historic.yml");
        assertThat(mount(container, "/config/jobs").getReadOnly()).isTrue();
        // a changed definition or password rolls the scheduler pods
        assertThat(template.getMetadata().getAnnotations()).containsKeys("checksum/jobs", "checksum/secret");
    }

    @Test
    void metricsOnAddsPrometheusAnnotationsAndPort() {
        PodTemplateSpec template = render(ciValues("scheduler-values.yaml")).one(Deployment.class).getSpec().getTemplate();

        assertThat(template.getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "9404")
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
        assertThat(container(template.getSpec()).getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("metrics");
            assertThat(port.getContainerPort()).isEqualTo(9404);
        });
    }

    @Test
    void shardingMakesEachRunAnIndexedJobWithOnePodPerMailbox() {
        CronJob cronJob = render(ciValues("sharded-values.yaml")).one(CronJob.class);
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();

        assertThat(job.getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getCompletions()).isEqualTo(4);
        assertThat(job.getParallelism()).isEqualTo(2);
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");

        Container container = container(job.getTemplate().getSpec());
        assertThat(container.getArgs()).containsExactly("--job=all-mailboxes");
        assertThat(render(ciValues("sharded-values.yaml")).one(ConfigMap.class).getData())
                .as("defaults removed with null").containsOnlyKeys("all-mailboxes.yml");
        EnvVar index = requiredEnv(container, "JOB_COMPLETION_INDEX");
        assertThat(index.getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        assertSecretRef(requiredEnv(container, "SHOP_IMAP_PASSWORD"), FULLNAME, "shop-imap-password");
        assertSecretRef(requiredEnv(container, "NEWS_IMAP_PASSWORD"), FULLNAME, "news-imap-password");

        JobSpec allAtOnce = render(List.of(ciValues("sharded-values.yaml")), Map.of("sharding.parallelism", "null"))
                .one(CronJob.class).getSpec().getJobTemplate().getSpec();
        assertThat(allAtOnce.getParallelism()).as("parallelism defaults to shards").isEqualTo(4);
    }

    @Test
    void serviceAccountIsCreatedOnRequest() {
        RenderedChart chart = render(List.of(), Map.of("serviceAccount.create", true));

        assertThat(chart.one(ServiceAccount.class).getMetadata().getName()).isEqualTo(FULLNAME);
        assertThat(cronPod(chart).getServiceAccountName()).isEqualTo(FULLNAME);
    }

    @Test
    void installNotesTellHowToRunAndWatchEachMode() {
        String cronNotes = installNotes(List.of());
        assertThat(cronNotes)
                .contains("kubectl -n mail create job --from=cronjob/" + FULLNAME + " ")
                .contains("kubectl -n mail get cronjob " + FULLNAME)
                .contains("2 could not start", "3 another run was working on the same job or mailbox folder")
                .contains("WARNING: imap.password is empty");

        String schedulerNotes = installNotes(List.of(ciValues("scheduler-values.yaml")));
        assertThat(schedulerNotes)
                .contains("kubectl -n mail rollout status deployment/" + FULLNAME)
                .doesNotContain("cronjob/")
                .doesNotContain("WARNING");

        assertThat(installNotes(List.of(ciValues("existing-secret-values.yaml"))))
                .contains("Passwords come from Secret \"bounce-sweeper-credentials\"");
    }

    // ---------------------------------------------------------------- values the chart refuses

    @Test
    void valuesViolatingTheSchemaAreRejected(@TempDir Path dir) throws IOException {
        assertRejected(dir, "typo in a key", """
                imap:
                  hots: imap.example.org
                """, "hots");
        assertRejected(dir, "unknown top-level key", """
                shedule: "0 3 * * *"
                """, "shedule");
        assertRejected(dir, "unknown mode", """
                mode: daemon
                """, "mode");
        assertRejected(dir, "unknown IMAP security", """
                imap:
                  security: SSL
                """, "security");
        assertRejected(dir, "string where a number belongs", """
                sharding:
                  enabled: true
                  shards: many
                """, "shards");
        assertRejected(dir, "six-field Quartz cron in the Kubernetes schedule", """
                schedule: "0 30 2 * * ?"
                """, "schedule");
        assertRejected(dir, "root", """
                securityContext:
                  runAsNonRoot: false
                """, "runAsNonRoot");
        assertRejected(dir, "not a JDBC URL", """
                database:
                  url: mysql://db/bounces
                """, "url");
        assertRejected(dir, "a JDBC driver the image does not have", """
                database:
                  url: jdbc:mariadb://db/bounces
                """, "url");
        assertRejected(dir, "password entry without its env name", """
                extraPasswords:
                  - key: shop
                    value: x
                """, "env");
    }

    @Test
    void cronJobDefinitionMustBeOneOfTheJobs() {
        assertThatThrownBy(() -> render(List.of(), Map.of("cronJob.definition", "nightly-clenaup")))
                .hasMessageContaining("cronJob.definition \"nightly-clenaup\" is not a key of jobs")
                .hasMessageContaining("nightly-cleanup");
    }

    @Test
    void shardingIsRefusedInSchedulerMode() {
        assertThatThrownBy(() -> render(List.of(), Map.of("mode", "scheduler", "sharding.enabled", true)))
                .hasMessageContaining("sharding.enabled works with mode=cronjob only");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertRejected(Path dir, String what, String values, String mentioned) throws IOException {
        Path file = Files.writeString(dir.resolve("bad-" + Integer.toHexString(what.hashCode()) + ".yaml"), values);
        assertThatThrownBy(() -> render(file))
                .as(what)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(mentioned);
    }

    /** {@code helm install --dry-run=client}: the NOTES.txt a user sees after installing. */
    private static String installNotes(List<Path> valuesFiles) {
        InstallCommand install = new Helm(RenderedChart.CHART).install().clientOnly().dryRun()
                .withName(RenderedChart.RELEASE).withNamespace(RenderedChart.NAMESPACE);
        valuesFiles.forEach(install::withValuesFile);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    /** The ConfigMap's files written to a folder and loaded by the application's own JobDefinitions. */
    private static List<JobDefinition> checkDefinitionsLoad(RenderedChart chart, Path dir) throws IOException {
        return chart.jobDefinitions(dir);
    }

    private static PodSpec cronPod(RenderedChart chart) {
        return chart.one(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    private static VolumeMount mount(Container container, String path) {
        return container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path + ": " + container.getVolumeMounts()));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static void assertSecretRef(EnvVar env, String secret, String key) {
        assertThat(env.getValue()).as(env.getName() + " has no plain value").isNull();
        assertThat(env.getValueFrom().getSecretKeyRef().getName()).as(env.getName() + " secret").isEqualTo(secret);
        assertThat(env.getValueFrom().getSecretKeyRef().getKey()).as(env.getName() + " key").isEqualTo(key);
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
