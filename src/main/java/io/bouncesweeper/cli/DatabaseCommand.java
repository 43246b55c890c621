package io.bouncesweeper.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.DatabaseConfiguration;
import io.bouncesweeper.config.InvalidJobDefinitionException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Base of the operator commands that need the database and nothing else ({@code state},
 * {@code unsuppress}, {@code export}, {@code purge}, {@code report}): the command's own options, checked before any
 * setting is read; the job's own {@code bounce-sweeper.db.*} settings (environment, command line or
 * application.yml) bound and validated as the job does, through Spring Boot's environment without
 * starting the application; one small pool; and the exit codes they share. No mailbox is touched.
 */
abstract class DatabaseCommand {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    /** A usage error, a missing or wrong setting, an unreachable database. */
    static final int EXIT_USAGE = 2;

    private final String name;
    private final Set<String> valueOptions;
    private final Set<String> flagOptions;
    private final Clock clock;

    /**
     * @param valueOptions options that take a value ({@code --reason TEXT} or {@code --reason=TEXT})
     * @param flagOptions  options that stand alone ({@code --dry-run})
     */
    DatabaseCommand(String name, Set<String> valueOptions, Set<String> flagOptions, Clock clock) {
        this.name = name;
        this.valueOptions = valueOptions;
        this.flagOptions = flagOptions;
        this.clock = clock;
    }

    abstract String usage();

    /** A command that only reads gets a read-only pool. */
    boolean readsOnly() {
        return false;
    }

    /** Checks the command's own arguments before any setting is read; throws IllegalArgumentException. */
    abstract void check(Arguments args);

    /** The command's work; its exit code. */
    abstract int execute(Arguments args, Database db, PrintStream out, PrintStream err) throws Exception;

    final int run(String[] argv, PrintStream out, PrintStream err) {
        Arguments args;
        try {
            args = parse(argv);
            if (args.flag("--help")) {
                out.println(usage());
                return EXIT_OK;
            }
            check(args);
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage() + "\n" + usage());
            return EXIT_USAGE;
        }
        BounceSweeperProperties.Db settings = null;
        try (ConfigurableApplicationContext context = settingsContext(args.springArgs());
             ValidatorFactory validators = Validation.byDefaultProvider().configure()
                     .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Binder binder = Binder.get(context.getEnvironment());
            Validator validator = validators.getValidator();
            settings = bind(binder, validator, "bounce-sweeper.db", BounceSweeperProperties.Db.class);
            try (HikariDataSource dataSource = dataSource(settings, readsOnly())) {
                return execute(args, new Database(dataSource, binder, validator, clock), out, err);
            }
        } catch (BindException e) {
            err.println(name + ": " + describe(e));
            return EXIT_USAGE;
        } catch (InvalidJobDefinitionException | IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (HikariPool.PoolInitializationException e) {
            err.println(name + ": cannot reach the database " + settings.url() + ": " + rootMessage(e));
            return EXIT_USAGE;
        } catch (Exception e) {
            err.println(name + ": failed: " + rootMessage(e));
            return EXIT_FAILED;
        }
    }

    private Arguments parse(String[] argv) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (a.equals("-h") || a.equals("--help")) {
                flags.add("--help");
            } else if (a.startsWith("--bounce-sweeper.") || a.startsWith("--spring.") || a.startsWith("--logging.")) {
                spring.add(a);
            } else if (valueOptions.contains(option)) {
                String value;
                if (a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                    value = argv[++i];
                } else {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                if (values.put(option, value) != null) {
                    throw new IllegalArgumentException(option + " given twice");
                }
            } else if (flagOptions.contains(a)) {
                flags.add(a);
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        return new Arguments(List.copyOf(positional), Map.copyOf(values), Set.copyOf(flags),
                spring.toArray(String[]::new));
    }

    /** Spring Boot's own view of the settings (environment, options, application.yml) and nothing else: no server is touched. */
    private static ConfigurableApplicationContext settingsContext(String[] springArgs) {
        SpringApplication app = new SpringApplication(SettingsOnly.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        return app.run(springArgs);
    }

    /** The settings context's only bean: a command needs the environment, not the application. */
    static final class SettingsOnly {
    }

    static <T> T bind(Binder binder, Validator validator, String prefix, Class<T> type) {
        return binder.bindOrCreate(prefix, Bindable.of(type),
                new ValidationBindHandler(new SpringValidatorAdapter(validator)));
    }

    private HikariDataSource dataSource(BounceSweeperProperties.Db db, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bounce-sweeper-" + name);
        config.setReadOnly(readOnly);
        config.setJdbcUrl(DatabaseConfiguration.withRequiredOptions(db.url()));
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    static String describe(BindException e) {
        if (e.getCause() instanceof BindValidationException v) {
            List<String> problems = new ArrayList<>();
            for (ObjectError error : v.getValidationErrors().getAllErrors()) {
                String prefix = v.getValidationErrors().getName().toString();
                problems.add(error instanceof FieldError f
                        ? "setting " + prefix + "." + kebab(f.getField()) + " " + error.getDefaultMessage()
                        : error.getDefaultMessage());
            }
            return String.join("; ", problems);
        }
        return "setting " + e.getName() + ": " + rootMessage(e);
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root.getMessage() + ")";
    }

    /** A command line taken apart: {@code --bounce-sweeper.*}, {@code --spring.*}, {@code --logging.*} go to the settings. */
    record Arguments(List<String> positional, Map<String, String> values, Set<String> flags, String[] springArgs) {
        String value(String option) {
            return values.get(option);
        }

        boolean flag(String option) {
            return flags.contains(option);
        }
    }

    /** What a command works with: the database, the settings and the clock. */
    record Database(DataSource dataSource, Binder settings, Validator validator, Clock clock) {
        JdbcTemplate jdbc() {
            return new JdbcTemplate(dataSource);
        }

        TransactionTemplate transactions() {
            return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        }

        <T> T bind(String prefix, Class<T> type) {
            return DatabaseCommand.bind(settings, validator, prefix, type);
        }
    }
}
