package io.bouncesweeper.config;

import jakarta.validation.Validator;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The job definitions in the jobs folder ({@code bounce-sweeper.jobs-dir}), one YAML file each,
 * bound and validated like Spring properties. A wrong definition fails with the file and the key
 * in the message, before any mail is touched.
 */
public class JobDefinitions {
    private static final String ROOT = "job";

    private final Path directory;
    private final Validator validator;

    public JobDefinitions(Path directory, Validator validator) {
        this.directory = directory;
        this.validator = validator;
    }

    public JobDefinition load(String name) {
        Path file = fileOf(name);
        if (!Files.isRegularFile(file)) {
            throw new InvalidJobDefinitionException("job definition '" + name + "' not found: no " + file
                    + " (bounce-sweeper.job names the definition, bounce-sweeper.jobs-dir the folder)");
        }
        return load(file, name);
    }

    /** Every definition in the folder, by file name. */
    public List<JobDefinition> all() {
        try (Stream<Path> files = Files.list(directory)) {
            List<JobDefinition> result = new ArrayList<>();
            for (Path f : files.filter(JobDefinitions::isYaml).sorted().toList()) {
                result.add(load(f, baseName(f)));
            }
            return result;
        } catch (IOException e) {
            throw new InvalidJobDefinitionException("cannot list job definitions in " + directory + ": " + e.getMessage());
        }
    }

    private JobDefinition load(Path file, String name) {
        try {
            Binder binder = new Binder(ConfigurationPropertySources.from(prefixed(file)));
            JobDefinition definition = binder.bindOrCreate(ROOT, Bindable.of(JobDefinition.class),
                    new ValidationBindHandler(new SpringValidatorAdapter(validator)));
            return definition.name() == null || definition.name().isBlank() ? definition.withName(name) : definition;
        } catch (BindException e) {
            throw new InvalidJobDefinitionException(file + ": " + describe(e));
        } catch (IOException e) {
            throw new InvalidJobDefinitionException("cannot read job definition " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // broken YAML: SnakeYAML's message says where
            throw new InvalidJobDefinitionException(file + ": not valid YAML: " + e.getMessage());
        }
    }

    /** The file's keys under one root, so the whole file binds as one object. */
    private static List<PropertySource<?>> prefixed(Path file) throws IOException {
        List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertySource<?> source : loaded) {
            if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> e) {
                for (String key : e.getPropertyNames()) {
                    values.put(ROOT + "." + key, e.getProperty(key));
                }
            }
        }
        return List.of(new MapPropertySource(file.toString(), values));
    }

    private static String describe(BindException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BindValidationException v) {
            List<String> problems = new ArrayList<>();
            for (ObjectError error : v.getValidationErrors().getAllErrors()) {
                String path = error instanceof FieldError fe ? error.getObjectName() + "." + fe.getField() : error.getObjectName();
                problems.add(kebab(path.replaceFirst("^" + ROOT + "\\.?", "")) + ": " + error.getDefaultMessage());
            }
            return String.join("; ", problems);
        }
        String property = e.getProperty() != null ? e.getProperty().getName().toString() : e.getName().toString();
        return property.replaceFirst("^" + ROOT + "\\.?", "") + ": "
                + (cause != null ? cause.getMessage() : e.getMessage());
    }

    /** As the key is written in the file: softThreshold → soft-threshold. */
    private static String kebab(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private Path fileOf(String name) {
        Path yml = directory.resolve(name + ".yml");
        return Files.exists(yml) ? yml : directory.resolve(name + ".yaml");
    }

    private static boolean isYaml(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }
}
