package org.caseflow.streams.runtime.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens of the JSON API and the courts each may read. Written
 * {@code token1:湘02,湘0211;token2:*}; {@code *} allows every court. No tokens = open API.
 */
public record ApiTokens(Map<String, Set<String>> courtsByToken) {
    public static final String ALL_COURTS = "*";
    public static final ApiTokens NONE = new ApiTokens(Map.of());

    public ApiTokens {
        courtsByToken = Map.copyOf(courtsByToken);
    }

    public boolean enabled() {
        return !courtsByToken.isEmpty();
    }

    /** The courts of a token, empty when the token is unknown. */
    public Optional<Set<String>> courts(String token) {
        return Optional.ofNullable(token).map(courtsByToken::get);
    }

    public static boolean allows(Set<String> courts, String court) {
        return courts.contains(ALL_COURTS) || courts.contains(court);
    }

    /** Parses the written form; problems are appended to {@code problems} with the key name. */
    static ApiTokens parse(String key, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, Set<String>> tokens = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String token = colon < 0 ? "" : entry.substring(0, colon).trim();
            Set<String> courts = new LinkedHashSet<>();
            if (colon >= 0) {
                for (String court : entry.substring(colon + 1).split(",")) {
                    if (!court.isBlank()) {
                        courts.add(court.trim());
                    }
                }
            }
            if (token.isEmpty() || courts.isEmpty()) {
                problems.add(key + ": each entry must be TOKEN:COURT[,COURT...] or TOKEN:*, got '"
                        + mask(entry.trim()) + "'");
            } else if (token.length() < 8) {
                problems.add(key + ": token '" + mask(token) + "' is shorter than 8 characters");
            } else {
                tokens.put(token, Set.copyOf(courts));
            }
        }
        return new ApiTokens(tokens);
    }

    /** Tokens are secrets: messages show only their first two characters. */
    private static String mask(String text) {
        return text.length() <= 2 ? "**" : text.substring(0, 2) + "…";
    }

    @Override
    public String toString() {
        return "ApiTokens[" + courtsByToken.size() + " tokens]";
    }
}
