package io.bouncesweeper.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The chart rendered by real Helm (helm-java: Helm's Go code as a native library in the test
 * classpath, no helm binary) and parsed into fabric8 Kubernetes model objects.
 */
final class RenderedChart {

    static final Path CHART = Path.of("helm", "bounce-sweeper");
    static final String RELEASE = "sweeper";
    static final String NAMESPACE = "mail";

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final String yaml;
    final List<HasMetadata> objects;

    private RenderedChart(String yaml, List<HasMetadata> objects) {
        this.yaml = yaml;
        this.objects = objects;
    }

    /** {@code helm template sweeper helm/bounce-sweeper -n mail [-f file]... [--set k=v]...}. */
    static RenderedChart render(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        valuesFiles.forEach(template::withValuesFile);
        sets.forEach(template::set);
        return parse(template.call());
    }

    static RenderedChart render(Path... valuesFiles) {
        return render(List.of(valuesFiles), Map.of());
    }

    /** The ConfigMap's files written to {@code dir} and loaded by the application's own {@link JobDefinitions}. */
    List<JobDefinition> jobDefinitions(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : one(ConfigMap.class).getData().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            return new JobDefinitions(dir, validation.getValidator()).all();
        }
    }

    static Path examples(String name) {
        return CHART.resolve("examples").resolve(name);
    }

    static Path ciValues(String name) {
        return CHART.resolve("ci").resolve(name);
    }

    static RenderedChart parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata resource)) {
                throw new AssertionError("not a Kubernetes object: " + parsed + "\n" + document);
            }
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, resource.getKind(), unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
            if (!unknown.isEmpty()) {
                throw new AssertionError("fields the Kubernetes schema does not know (typo in a template?): "
                        + unknown + "\n" + document);
            }
            objects.add(resource);
        }
        return new RenderedChart(yaml, List.copyOf(objects));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type) {
        List<T> found = all(type);
        if (found.size() > 1) {
            throw new AssertionError("more than one " + type.getSimpleName() + ": " + found);
        }
        return found.stream().findFirst();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        return find(type).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " rendered; kinds: "
                + objects.stream().map(HasMetadata::getKind).toList()));
    }

    static Container container(PodSpec pod) {
        if (pod.getContainers().size() != 1) {
            throw new AssertionError("expected one container, got " + pod.getContainers());
        }
        return pod.getContainers().get(0);
    }

    static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    static EnvVar requiredEnv(Container container, String name) {
        return env(container, name).orElseThrow(() -> new AssertionError("no env " + name + " in "
                + container.getEnv().stream().map(EnvVar::getName).toList()));
    }

    /**
     * fabric8 keeps fields it does not know in additionalProperties instead of failing; walk the
     * model and report them, so a misspelt field in a template fails the test.
     */
    private static void collectUnknownFields(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!(node instanceof KubernetesResource)) {
            return;
        }
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(node.getClass()).getPropertyDescriptors()) {
                Method getter = property.getReadMethod();
                if (getter == null || getter.getParameterCount() != 0) {
                    continue;
                }
                Object value = getter.invoke(node);
                if (property.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else if (!property.getName().equals("class")) {
                    collectUnknownFields(value, path + "." + property.getName(), unknown, seen);
                }
            }
        } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
            throw new IllegalStateException("cannot inspect " + node.getClass(), e);
        }
    }
}
