package org.caseflow.streams.runtime.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL of every panel of the shipped Grafana dashboards, as Grafana would send it: template variables
 * resolved against a real Prometheus the way Grafana resolves them ({@code label_values}, {@code query_result} with
 * its regex, custom lists; a single-valued variable takes its first value, a multi-valued one with "All" every
 * value), repeated panels expanded once per value, and Grafana's interval variables given fixed values.
 */
final class DashboardQueries {
    static final Path DIR = Path.of("deploy/grafana/dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)");
    private static final Pattern QUERY_RESULT = Pattern.compile("query_result\\((.*)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))");
    private static final Map<String, String> BUILT_IN = Map.of("__rate_interval", "1m", "__range", "10m",
            "__interval", "15s");

    /** One target of one panel (of one repetition, for a repeated panel). */
    record Query(String dashboard, String panel, String refId, String expr, boolean repeated) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + " / " + refId + ": " + expr;
        }
    }

    private DashboardQueries() {
    }

    /**
     * The dashboard of {@code caseflow notify}: its series come from the notify process, not from {@code caseflow run},
     * so NotifyDashboardIT checks it against a running NotifyService instead.
     */
    static final Path NOTIFY = DIR.resolve("caseflow-notify.json");

    /** The dashboards over the streams app's own series ({@code caseflow run}). */
    static List<Path> appFiles() throws IOException {
        return files().stream().filter(f -> !f.equals(NOTIFY)).toList();
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** Every query of every panel of {@code dashboard}, its variables resolved through {@code prometheus}. */
    static List<Query> of(JsonNode dashboard, PrometheusServer prometheus) throws IOException, InterruptedException {
        Map<String, List<String>> variables = variables(dashboard, prometheus);
        List<Query> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String repeat = panel.path("repeat").asText("");
            List<String> repetitions = repeat.isEmpty() ? List.of("") : variables.getOrDefault(repeat, List.of());
            if (repetitions.isEmpty()) {
                throw new AssertionError(panel.path("title").asText() + " repeats over $" + repeat
                        + ", which has no values: the panel would not be shown at all");
            }
            for (String value : repetitions) {
                Map<String, List<String>> bound = new LinkedHashMap<>(variables);
                if (!repeat.isEmpty()) {
                    bound.put(repeat, List.of(value));
                }
                for (JsonNode target : panel.path("targets")) {
                    out.add(new Query(dashboard.path("title").asText(), substitute(panel.path("title").asText(), bound),
                            target.path("refId").asText(), substitute(target.path("expr").asText(), bound),
                            !repeat.isEmpty()));
                }
            }
        }
        return out;
    }

    /** Values of each template variable, in the dashboard's order (later ones may use earlier ones). */
    static Map<String, List<String>> variables(JsonNode dashboard, PrometheusServer prometheus)
            throws IOException, InterruptedException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonNode v : dashboard.path("templating").path("list")) {
            String name = v.path("name").asText();
            List<String> all = switch (v.path("type").asText()) {
                case "datasource" -> List.of();
                case "custom" -> List.of(v.path("current").path("value").asText());
                case "query" -> queryValues(v, values, prometheus);
                default -> throw new AssertionError("variable type not handled by this test: " + v);
            };
            boolean every = v.path("includeAll").asBoolean() || v.path("multi").asBoolean();
            values.put(name, every || all.isEmpty() ? all : List.of(all.get(0)));
        }
        return values;
    }

    private static List<String> queryValues(JsonNode variable, Map<String, List<String>> known,
            PrometheusServer prometheus) throws IOException, InterruptedException {
        String query = substitute(variable.path("definition").asText(), known);
        Matcher labels = LABEL_VALUES.matcher(query);
        if (labels.matches()) {
            return prometheus.labelValues(labels.group(2), labels.group(1));
        }
        Matcher result = QUERY_RESULT.matcher(query);
        if (!result.matches()) {
            throw new AssertionError("variable query not handled by this test: " + query);
        }
        String regex = variable.path("regex").asText();
        Pattern extract = Pattern.compile(regex.substring(1, regex.length() - 1));
        List<String> out = new ArrayList<>();
        for (JsonNode series : prometheus.query(result.group(1))) {
            Matcher m = extract.matcher(series.path("metric").toString().replace("\":\"", "=\""));
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** A regex-escaped value inside a PromQL string (backslash doubled), as Grafana escapes multi-valued variables. */
    private static String escape(String value) {
        return value.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\\\\\$0");
    }

    /** Replaces $name and ${name}: one value as is, several as Grafana's regex alternation for =~. */
    static String substitute(String text, Map<String, List<String>> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value;
            if (BUILT_IN.containsKey(name)) {
                value = BUILT_IN.get(name);
            } else if (values.containsKey(name)) {
                List<String> v = values.get(name);
                value = v.size() == 1 ? v.get(0)
                        : "(" + String.join("|", v.stream().map(DashboardQueries::escape).toList()) + ")";
            } else {
                throw new AssertionError("unknown variable $" + name + " in " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
