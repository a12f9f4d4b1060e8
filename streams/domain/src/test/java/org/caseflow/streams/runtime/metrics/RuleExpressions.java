package org.caseflow.streams.runtime.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The alert rules of a Prometheus rule file, and the operands of each rule's condition: the expression split at its
 * top-level comparisons and set operators ({@code > 0}, {@code and}, ...), vector-matching modifiers dropped, number
 * literals left out. A rule whose condition is false has no series, so a test checks the operands instead: each must
 * answer with series, or the rule watches a metric that does not exist and can never fire.
 */
final class RuleExpressions {
    static final Path RULES = Path.of("deploy/prometheus/caseflow-alerts.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9.]+(e[-+]?[0-9]+)?");
    private static final Pattern MODIFIER = Pattern.compile(
            "^(bool|(on|ignoring|group_left|group_right)\\s*(\\([^)]*\\))?)\\s*");
    private static final List<String> COMPARISONS = List.of("==", "!=", ">=", "<=", ">", "<");
    private static final List<String> SET_OPERATORS = List.of("and", "or", "unless");

    private RuleExpressions() {
    }

    /** Alert name to expression, in file order. */
    static Map<String, String> alerts(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    out.put(rule.path("alert").asText(), rule.path("expr").asText().trim());
                }
            }
        }
        return out;
    }

    /** The vector operands of {@code expr}'s top-level comparisons and set operations (the whole expression if none). */
    static List<String> operands(String expr) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0) {
                int length = operatorAt(expr, i);
                if (length > 0) {
                    parts.add(expr.substring(start, i));
                    start = i + length;
                    i += length - 1;
                }
            }
        }
        parts.add(expr.substring(start));
        List<String> operands = new ArrayList<>();
        for (String part : parts) {
            String operand = MODIFIER.matcher(part.trim()).replaceFirst("").trim();
            operand = MODIFIER.matcher(operand).replaceFirst("").trim(); // e.g. "on (x) group_left"
            if (!operand.isEmpty() && !NUMBER.matcher(operand).matches()) {
                operands.add(operand);
            }
        }
        return operands;
    }

    /** Length of the comparison or set operator starting at {@code i}, else 0. */
    private static int operatorAt(String expr, int i) {
        for (String op : COMPARISONS) {
            if (expr.startsWith(op, i)) {
                return op.length();
            }
        }
        for (String op : SET_OPERATORS) {
            boolean before = i == 0 || Character.isWhitespace(expr.charAt(i - 1));
            int end = i + op.length();
            boolean after = end < expr.length() && Character.isWhitespace(expr.charAt(end));
            if (before && after && expr.startsWith(op, i)) {
                return op.length();
            }
        }
        return 0;
    }
}
