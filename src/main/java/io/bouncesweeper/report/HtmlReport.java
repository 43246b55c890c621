package io.bouncesweeper.report;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report as one self-contained HTML page: the template, its script and Apache ECharts
 * are inlined and the data travels as JSON inside it, so the file opens offline and can be mailed.
 */
public final class HtmlReport {
    private static final String TEMPLATE = "/report/report.html";
    private static final String SCRIPT = "/report/report.js";
    private static final String ECHARTS = "/report/echarts/echarts.min.js";
    private static final String ECHARTS_VERSION = "/report/echarts/VERSION";
    /** Jackson 3 writes java.time values as ISO-8601 text by default, which the page shows as is. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HtmlReport() {
    }

    public static String render(ReportData data) {
        String page = resource(TEMPLATE);
        // Literal replacements (no regex: the inlined texts contain '$' and '\'); the data last, so
        // nothing in it is taken for a placeholder.
        return page.replace("/*@ECHARTS@*/", resource(ECHARTS))
                .replace("/*@SCRIPT@*/", resource(SCRIPT))
                .replace("/*@DATA@*/", scriptSafe(JSON.writeValueAsString(data)));
    }

    /** Writes through a temporary file beside the target, so a reader never sees half a report. */
    public static void write(ReportData data, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new java.nio.file.NoSuchFileException(target.getParent() + "", null, "no such directory");
        }
        Path tmp = Files.createTempFile(target.getParent(), ".report-", ".html");
        try {
            Files.writeString(tmp, render(data), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String echartsVersion() {
        return resource(ECHARTS_VERSION).strip();
    }

    /**
     * JSON that cannot end its script element or open markup: every '<' (only ever inside a JSON
     * string) becomes \u003c. Mail-derived text (domains, errors) is attacker-controlled.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
