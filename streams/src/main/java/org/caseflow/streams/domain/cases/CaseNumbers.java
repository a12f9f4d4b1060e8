package org.caseflow.streams.domain.cases;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Chinese case number such as {@code (2024)湘0281民初3310号}: year, court code and case
 * type (民初 civil first instance, 民终 civil second instance, 执 enforcement, ...). Used to
 * attribute an appeal to its origin when the origin case predates Caseflow and was never filed here.
 */
public final class CaseNumbers {
    /** What a case number says. */
    public record Parsed(int year, String court, String category, String instance) {
    }

    private static final Pattern FORM = Pattern.compile("^[（(](\\d{4})[）)]([\\p{IsHan}]\\d*)(\\p{IsHan}+?)\\d+号$");
    private static final Map<String, String[]> TYPES = Map.ofEntries(
            Map.entry("民初", new String[] {"CIVIL", "FIRST"}),
            Map.entry("民终", new String[] {"CIVIL", "SECOND"}),
            Map.entry("民申", new String[] {"CIVIL", "RETRIAL_REVIEW"}),
            Map.entry("民再", new String[] {"CIVIL", "RETRIAL"}),
            Map.entry("民特", new String[] {"CIVIL", "SPECIAL"}),
            Map.entry("刑初", new String[] {"CRIMINAL", "FIRST"}),
            Map.entry("刑终", new String[] {"CRIMINAL", "SECOND"}),
            Map.entry("刑申", new String[] {"CRIMINAL", "RETRIAL_REVIEW"}),
            Map.entry("刑再", new String[] {"CRIMINAL", "RETRIAL"}),
            Map.entry("行初", new String[] {"ADMINISTRATIVE", "FIRST"}),
            Map.entry("行终", new String[] {"ADMINISTRATIVE", "SECOND"}),
            Map.entry("行申", new String[] {"ADMINISTRATIVE", "RETRIAL_REVIEW"}),
            Map.entry("行再", new String[] {"ADMINISTRATIVE", "RETRIAL"}),
            Map.entry("执", new String[] {"ENFORCEMENT", "ENFORCEMENT"}),
            Map.entry("执恢", new String[] {"ENFORCEMENT", "ENFORCEMENT"}),
            Map.entry("执异", new String[] {"ENFORCEMENT", "ENFORCEMENT_REVIEW"}),
            Map.entry("执复", new String[] {"ENFORCEMENT", "ENFORCEMENT_REVIEW"}));

    private CaseNumbers() {
    }

    public static Optional<Parsed> parse(String caseId) {
        Matcher m = FORM.matcher(caseId == null ? "" : caseId);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] type = TYPES.get(m.group(3));
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Integer.parseInt(m.group(1)), m.group(2), type[0], type[1]));
    }
}
