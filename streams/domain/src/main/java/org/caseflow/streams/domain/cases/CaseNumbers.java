package org.caseflow.streams.domain.cases;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.SeedFiles;

/**
 * Chinese case numbers such as {@code (2024)湘0281民初3310号}: year, court code, type code (民初 civil first instance,
 * 民终 civil second instance, 执 enforcement, …) and sequence. The type codes are seed data
 * ({@code seeds/casenumbers/case-types.yaml}, {@link CaseNumbersReader}); reading a number attributes an appeal to its
 * origin when the origin predates Caseflow and was never filed here, and the simulator numbers its cases with the
 * same table ({@link #format}).
 */
public final class CaseNumbers {
    /** The seed file under a seeds folder. */
    public static final String FILE = "casenumbers/case-types.yaml";

    /** One type code and what it says; {@code procedures}: those whose new cases are numbered with it. */
    public record Type(String code, Category category, Instance instance, java.util.List<Procedure> procedures) {
        public Type {
            procedures = java.util.List.copyOf(procedures);
        }
    }

    /** What a case number says. */
    public record Parsed(int year, String court, Category category, Instance instance) {
    }

    private static final Pattern FORM = Pattern.compile("^[（(](\\d{4})[）)]([\\p{IsHan}]\\d*)(\\p{IsHan}+?)\\d+号$");

    private final Map<String, Type> byCode;
    private final Map<Procedure, Type> byProcedure;

    CaseNumbers(Map<String, Type> byCode, Map<Procedure, Type> byProcedure) {
        this.byCode = Map.copyOf(byCode);
        this.byProcedure = Map.copyOf(byProcedure);
    }

    /** Loads and validates {@value #FILE} of a seeds folder; a malformed file fails with a {@code SeedException}. */
    public static CaseNumbers load(Path seedsRoot, SeedFiles files) {
        Path file = seedsRoot.resolve(FILE);
        return CaseNumbersReader.read(file, files.read(file));
    }

    /** Validates a type table that arrived as bytes; errors cite {@code file}. */
    public static CaseNumbers parse(Path file, byte[] content) {
        return CaseNumbersReader.read(file, content);
    }

    /** What a case number says; empty when it is not of the official form or its type code is not in the table. */
    public Optional<Parsed> parse(String caseId) {
        Matcher m = FORM.matcher(caseId == null ? "" : caseId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Type type = byCode.get(m.group(3));
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Integer.parseInt(m.group(1)), m.group(2), type.category(), type.instance()));
    }

    /** The type a new case of {@code procedure} is numbered with, if the table names one. */
    public Optional<Type> typeOf(Procedure procedure) {
        return Optional.ofNullable(byProcedure.get(procedure));
    }

    /** Every type code of the table. */
    public Collection<Type> types() {
        return byCode.values();
    }

    /** The official form, e.g. {@code format(2025, "湘0211", "民初", 1234)} is {@code (2025)湘0211民初1234号}. */
    public static String format(int year, String court, String typeCode, int sequence) {
        return String.format(Locale.ROOT, "(%d)%s%s%d号", year, court, typeCode, sequence);
    }
}
