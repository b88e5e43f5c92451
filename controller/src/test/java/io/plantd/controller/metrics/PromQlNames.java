package io.plantd.controller.metrics;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. Enough of PromQL for dashboards and alert
 * rules: strings, label matchers, ranges, grouping clauses, functions and keywords are skipped.
 */
final class PromQlNames {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on",
            "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan", "atan2", "sum", "min", "max",
            "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQlNames() {
    }

    static Set<String> of(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")    // string literals
                .replaceAll("'(\\\\.|[^'\\\\])*'", "''")
                .replaceAll("\\$\\{[^}]*}", "1")                          // Grafana ${var}
                .replaceAll("\\$[a-zA-Z_][a-zA-Z0-9_]*", "1")             // Grafana $var
                .replaceAll("\\{[^}]*}", "")                              // label matchers
                .replaceAll("\\[[^]]*]", "")                              // ranges and subqueries
                .replaceAll("\\boffset\\s+-?[0-9a-z]+", "");
        s = GROUPING.matcher(s).replaceAll("");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String word = m.group();
            if (m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1))) {
                continue; // the exponent or unit of a number such as 1e3 or 5m
            }
            int after = m.end();
            while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
                after++;
            }
            boolean isCall = after < s.length() && s.charAt(after) == '(';
            if (isCall || KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            names.add(word);
        }
        return names;
    }
}
