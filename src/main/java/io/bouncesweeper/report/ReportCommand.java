package io.bouncesweeper.report;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.DatabaseConfiguration;
import jakarta.validation.Validation;
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
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report [--since DATE] [--until DATE] [--out FILE]}: writes the HTML report of the stored
 * bounces. Reads the database named by the job's own {@code bounce-sweeper.db.*} settings (environment,
 * command line or application.yml), touches no mailbox and writes nothing to the database.
 *
 * <p>Exit code: 0 written, 1 the report could not be made, 2 a usage error, a missing or wrong
 * setting or an unreachable database.
 */
public final class ReportCommand {
    static final String USAGE = """
            usage: report [--since DATE] [--until DATE] [--out FILE]
              Writes one self-contained HTML file (charts inlined, opens offline) about the stored bounces:
              bounces per day by class, top reasons with the operator action, top recipient domains,
              sender-side problems by provider and sending IP with advice, suppressions made and released,
              quarantined mail.
              --since DATE   first day (UTC, e.g. 2026-11-01); default: bounce-sweeper.report.days (30) before --until
              --until DATE   last day, included; default: today (UTC)
              --out FILE     where to write; default: bounce-sweeper.report.out, else bounce-sweeper-report.html
              The database comes from bounce-sweeper.db.url, .user, .password (e.g. BOUNCE_SWEEPER_DB_URL),
              also accepted as --bounce-sweeper.db.url=... options.""";
    static final Path DEFAULT_OUT = Path.of("bounce-sweeper-report.html");

    private ReportCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("report: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        BounceSweeperProperties.Db db;
        ReportSettings settings;
        try (ConfigurableApplicationContext context = settingsContext(options.springArgs())) {
            Binder binder = Binder.get(context.getEnvironment());
            try (ValidatorFactory validators = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
                ValidationBindHandler validation = new ValidationBindHandler(new SpringValidatorAdapter(validators.getValidator()));
                db = binder.bindOrCreate("bounce-sweeper.db", Bindable.of(BounceSweeperProperties.Db.class), validation);
                settings = binder.bindOrCreate("bounce-sweeper.report", Bindable.of(ReportSettings.class), validation);
            }
        } catch (BindException e) {
            err.println("report: " + describe(e));
            return 2;
        }
        ReportPeriod period;
        try {
            LocalDate until = options.until() != null ? options.until() : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            period = options.since() != null ? new ReportPeriod(options.since(), until)
                    : ReportPeriod.lastDays(settings.days(), until);
        } catch (IllegalArgumentException e) {
            err.println("report: " + e.getMessage());
            return 2;
        }
        Path file = options.out() != null ? options.out() : settings.out() != null ? settings.out() : DEFAULT_OUT;
        try (HikariDataSource dataSource = dataSource(db)) {
            ReportData data = new ReportBuilder(new ReportQueries(dataSource), clock).build(period, settings.top());
            HtmlReport.write(data, file);
            ReportData.Summary s = data.summary();
            out.printf("report: wrote %s (%s to %s: %,d bounces, %,d sender-side, %,d suppressed, %,d quarantined)%n",
                    file.toAbsolutePath(), period.since(), period.until(), s.bounces(), s.senderSide(),
                    s.suppressed() + s.complained(), s.quarantined());
            return 0;
        } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            err.println("report: cannot reach the database " + db.url() + ": " + rootMessage(e));
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("report: could not write " + file + ": " + e.getReason() + " " + e.getFile());
            return 2;
        } catch (Exception e) {
            err.println("report: could not write " + file + ": " + rootMessage(e));
            return 1;
        }
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

    /** The settings context's only bean: the report needs the environment, not the application. */
    static final class SettingsOnly {
    }

    private static HikariDataSource dataSource(BounceSweeperProperties.Db db) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bounce-sweeper-report");
        config.setJdbcUrl(DatabaseConfiguration.withRequiredOptions(db.url()));
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setReadOnly(true);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    static String describe(BindException e) {
        if (e.getCause() instanceof BindValidationException v) {
            List<String> problems = new ArrayList<>();
            for (ObjectError error : v.getValidationErrors().getAllErrors()) {
                String name = v.getValidationErrors().getName().toString();
                problems.add(error instanceof FieldError f
                        ? "setting " + name + "." + kebab(f.getField()) + " " + error.getDefaultMessage()
                        : error.getDefaultMessage());
            }
            return String.join("; ", problems);
        }
        return "setting " + e.getName() + ": " + rootMessage(e);
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root.getMessage() + ")";
    }

    /** The command's own options; {@code --bounce-sweeper.*} and {@code --spring.*} go to the settings. */
    record Options(boolean help, LocalDate since, LocalDate until, Path out, String[] springArgs) {
        static Options parse(String[] args) {
            boolean help = false;
            LocalDate since = null;
            LocalDate until = null;
            Path out = null;
            List<String> spring = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                switch (name) {
                    case "-h", "--help" -> help = true;
                    case "--since", "--until", "--out" -> {
                        String value;
                        if (a.contains("=")) {
                            value = a.substring(a.indexOf('=') + 1);
                        } else if (i + 1 < args.length) {
                            value = args[++i];
                        } else {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        switch (name) {
                            case "--since" -> since = date(name, value);
                            case "--until" -> until = date(name, value);
                            default -> out = Path.of(value);
                        }
                    }
                    default -> {
                        if (!a.startsWith("--bounce-sweeper.") && !a.startsWith("--spring.") && !a.startsWith("--logging.")) {
                            throw new IllegalArgumentException("unknown argument " + a);
                        }
                        spring.add(a);
                    }
                }
            }
            return new Options(help, since, until, out, spring.toArray(String[]::new));
        }

        private static LocalDate date(String option, String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " wants a date like 2026-11-01, not '" + value + "'");
            }
        }
    }
}
