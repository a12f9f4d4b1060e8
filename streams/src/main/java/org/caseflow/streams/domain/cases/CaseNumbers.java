package org.caseflow.streams.domain.cases;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;

/**
 * Reads a Chinese case number such as {@code (2024)湘0281民初3310号}: year, court code and case
 * type (民初 civil first instance, 民终 civil second instance, 执 enforcement, ...). Used to
 * attribute an appeal to its origin when the origin case predates Caseflow and was never filed here.
 */
public final class CaseNumbers {
    /** What a case number says. */
    public record Parsed(int year, String court, Category category, Instance instance) {
    }

    private static final Pattern FORM = Pattern.compile("^[（(](\\d{4})[）)]([\\p{IsHan}]\\d*)(\\p{IsHan}+?)\\d+号$");
    private static final Map<String, Kind> TYPES = Map.ofEntries(
            Map.entry("民初", new Kind(Category.CIVIL, Instance.FIRST)),
            Map.entry("民终", new Kind(Category.CIVIL, Instance.SECOND)),
            Map.entry("民申", new Kind(Category.CIVIL, Instance.RETRIAL_REVIEW)),
            Map.entry("民再", new Kind(Category.CIVIL, Instance.RETRIAL)),
            Map.entry("民特", new Kind(Category.CIVIL, Instance.SPECIAL)),
            Map.entry("刑初", new Kind(Category.CRIMINAL, Instance.FIRST)),
            Map.entry("刑终", new Kind(Category.CRIMINAL, Instance.SECOND)),
            Map.entry("刑申", new Kind(Category.CRIMINAL, Instance.RETRIAL_REVIEW)),
            Map.entry("刑再", new Kind(Category.CRIMINAL, Instance.RETRIAL)),
            Map.entry("行初", new Kind(Category.ADMINISTRATIVE, Instance.FIRST)),
            Map.entry("行终", new Kind(Category.ADMINISTRATIVE, Instance.SECOND)),
            Map.entry("行申", new Kind(Category.ADMINISTRATIVE, Instance.RETRIAL_REVIEW)),
            Map.entry("行再", new Kind(Category.ADMINISTRATIVE, Instance.RETRIAL)),
            Map.entry("执", new Kind(Category.ENFORCEMENT, Instance.ENFORCEMENT)),
            Map.entry("执恢", new Kind(Category.ENFORCEMENT, Instance.ENFORCEMENT)),
            Map.entry("执异", new Kind(Category.ENFORCEMENT, Instance.ENFORCEMENT_REVIEW)),
            Map.entry("执复", new Kind(Category.ENFORCEMENT, Instance.ENFORCEMENT_REVIEW)));

    private record Kind(Category category, Instance instance) {
    }

    private CaseNumbers() {
    }

    public static Optional<Parsed> parse(String caseId) {
        Matcher m = FORM.matcher(caseId == null ? "" : caseId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind type = TYPES.get(m.group(3));
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Integer.parseInt(m.group(1)), m.group(2), type.category(), type.instance()));
    }
}
