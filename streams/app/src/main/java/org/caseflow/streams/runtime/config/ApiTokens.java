package org.caseflow.streams.runtime.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API tokens, held as salted hashes ({@link TokenHash}), each with what it may see. Written
 * {@code HASH:SCOPE[,SCOPE...][:EXPIRY]} entries separated by {@code ;} or line breaks (a secret file), as
 * {@code caseflow token new} prints them. A
 * scope is a court code (the court with every court below it in seeds/courts), {@code *} (every court) or
 * {@code metrics} (the {@code /metrics} endpoint); EXPIRY is an ISO instant or date (UTC midnight) after which the token
 * is refused. The tokens themselves are never configured, so a leaked configuration opens nothing.
 */
public record ApiTokens(List<Entry> entries) {
    public static final String ALL_COURTS = "*";
    public static final String METRICS_SCOPE = "metrics";
    public static final ApiTokens NONE = new ApiTokens(List.of());

    /** One configured token. */
    public record Entry(TokenHash hash, Set<String> scopes, Instant expiresAt) {
        public Entry {
            scopes = Set.copyOf(scopes);
        }

        /** The court scopes, without {@link #METRICS_SCOPE}. */
        public Set<String> courtScopes() {
            Set<String> courts = new LinkedHashSet<>(scopes);
            courts.remove(METRICS_SCOPE);
            return courts;
        }

        public boolean mayReadMetrics() {
            return scopes.contains(METRICS_SCOPE) || scopes.contains(ALL_COURTS);
        }

        public String written() {
            List<String> sorted = scopes.stream().sorted().toList();
            return hash.written() + ":" + String.join(",", sorted) + (expiresAt == null ? "" : ":" + expiresAt);
        }
    }

    public ApiTokens {
        entries = List.copyOf(entries);
    }

    public boolean enabled() {
        return !entries.isEmpty();
    }

    /** Whether court scopes (already widened to subordinate courts) allow a court. */
    public static boolean allows(Set<String> courts, String court) {
        return courts.contains(ALL_COURTS) || courts.contains(court);
    }

    /** Parses the written form; problems are appended to {@code problems} with the key name, never with a secret. */
    static ApiTokens parse(String key, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("[;\\r\\n]")) {
            if (raw.isBlank()) {
                continue;
            }
            n++;
            String[] parts = raw.trim().split(":", 3);
            String where = key + ": entry " + n;
            var hash = TokenHash.parse(parts[0].trim());
            if (hash.isEmpty()) {
                problems.add(where + " is not a token hash (pbkdf2-sha256....): configure the output of "
                        + "'caseflow token hash' or 'caseflow token new', never the token itself");
                continue;
            }
            Set<String> scopes = new LinkedHashSet<>();
            if (parts.length > 1) {
                for (String scope : parts[1].split(",")) {
                    if (!scope.isBlank()) {
                        scopes.add(scope.trim());
                    }
                }
            }
            if (scopes.isEmpty()) {
                problems.add(where + " has no scope: HASH:COURT[,COURT...], HASH:* or HASH:metrics");
                continue;
            }
            Instant expires = parts.length > 2 ? expiry(parts[2].trim(), where, problems) : null;
            entries.add(new Entry(hash.get(), scopes, expires));
        }
        return new ApiTokens(entries);
    }

    private static Instant expiry(String text, String where, List<String> problems) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(where + ": expiry must be an ISO date (2027-01-31) or instant (2027-01-31T00:00:00Z), got '"
                    + text + "'");
            return null;
        }
    }

    /** The written form again (hashes only: no secret). */
    String written() {
        return String.join(";", entries.stream().map(Entry::written).toList());
    }

    @Override
    public String toString() {
        return "ApiTokens[" + entries.size() + " tokens]";
    }
}
