package io.bouncesweeper.support;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The real Prometheus Pushgateway and Prometheus that {@code scripts/services.sh} starts (their
 * addresses in {@code $MAIL_ROOT/env.sh}). Absent servers fail the test on CI ({@code CI=true})
 * and skip it elsewhere, saying how to start them.
 */
public record MetricsServers(String pushgateway, String prometheus) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static MetricsServers required() {
        String push = System.getenv("BOUNCE_SWEEPER_TEST_PUSHGATEWAY_URL");
        String prom = System.getenv("BOUNCE_SWEEPER_TEST_PROMETHEUS_URL");
        String problem = push == null || prom == null
                ? "BOUNCE_SWEEPER_TEST_PUSHGATEWAY_URL / BOUNCE_SWEEPER_TEST_PROMETHEUS_URL are not set"
                : !answers(push + "/-/ready") ? "no Pushgateway answers at " + push
                : !answers(prom + "/-/ready") ? "no Prometheus answers at " + prom : null;
        if (problem != null) {
            String message = problem + ": run scripts/services.sh and source /tmp/bounce-sweeper-imap/env.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and the metrics servers are missing: " + message);
            }
            Assumptions.abort("skipped, " + message);
        }
        return new MetricsServers(push, prom);
    }

    private static boolean answers(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Pushgateway's own API: every group with its pushed metric families. */
    public JsonNode pushedGroups() {
        return getJson(pushgateway + "/api/v1/metrics").path("data");
    }

    /** A PromQL instant query; the {@code data.result} vector. */
    public JsonNode query(String promql) {
        return getJson(prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .path("data").path("result");
    }

    public static JsonNode getJson(String url) {
        return JSON.readTree(get(url).body());
    }

    public static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + url, e);
        }
    }
}
