package org.caseflow.streams.runtime.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/** One scrape of an instance's /metrics in the Prometheus text format: its series, counted by metric name. */
final class MetricsText {
    private final Map<String, Integer> byName = new TreeMap<>();
    private int total;

    private MetricsText(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            byName.merge(line.substring(0, end), 1, Integer::sum);
            total++;
        }
    }

    static MetricsText of(String text) {
        return new MetricsText(text);
    }

    static MetricsText scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode());
        }
        return of(response.body());
    }

    int total() {
        return total;
    }

    /** Series of one metric name (a histogram's _bucket, _count and _sum are names of their own). */
    int count(String name) {
        return byName.getOrDefault(name, 0);
    }

    /** Series per family (the first two words of the name), largest first: where a budget overrun comes from. */
    String byFamily() {
        Map<String, Integer> families = new TreeMap<>();
        byName.forEach((name, n) -> {
            String[] words = name.split("_");
            families.merge(words.length > 1 ? words[0] + "_" + words[1] : name, n, Integer::sum);
        });
        return families.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> e.getKey() + "=" + e.getValue()).toList().toString();
    }
}
