package org.caseflow.streams.domain.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.SeedYaml;

/**
 * Reads {@code seeds/casenumbers/case-types.yaml} into raw records, then validates every entry into a
 * {@link CaseNumbers.Type}; errors name the file, the entry and the reason ({@code …case-types.yaml: type 民初:
 * category: unknown value 'CIVL' (expected one of …)}), like the other seed readers.
 */
final class CaseNumbersReader {
    private static final Pattern CODE = Pattern.compile("\\p{IsHan}+");

    record TypeFile(List<TypeDto> types) {
    }

    record TypeDto(String code, String category, String instance, List<String> procedures) {
    }

    private CaseNumbersReader() {
    }

    static CaseNumbers read(Path file, byte[] content) {
        return validate(file, SeedYaml.read(file, content, TypeFile.class));
    }

    private static CaseNumbers validate(Path file, TypeFile raw) {
        if (raw.types() == null || raw.types().isEmpty()) {
            throw SeedException.of(file, "types", "missing or empty");
        }
        Map<String, CaseNumbers.Type> byCode = new LinkedHashMap<>();
        Map<Procedure, CaseNumbers.Type> byProcedure = new LinkedHashMap<>();
        for (int i = 0; i < raw.types().size(); i++) {
            TypeDto dto = raw.types().get(i);
            String code = dto.code() == null ? null : dto.code().trim();
            if (code == null || !CODE.matcher(code).matches()) {
                throw SeedException.of(file, "types[" + i + "]", "code: '" + dto.code()
                        + "' is not a type code (one or more Chinese characters, e.g. 民初)");
            }
            String entry = "type " + code;
            if (byCode.containsKey(code)) {
                throw SeedException.of(file, entry, "code: listed twice");
            }
            Category category = SeedYaml.code(file, entry, "category", dto.category(), Category.class);
            Instance instance = SeedYaml.code(file, entry, "instance", dto.instance(), Instance.class);
            List<Procedure> procedures = new ArrayList<>();
            for (String text : dto.procedures() == null ? List.<String>of() : dto.procedures()) {
                procedures.add(SeedYaml.code(file, entry, "procedures", text, Procedure.class));
            }
            CaseNumbers.Type type = new CaseNumbers.Type(code, category, instance, procedures);
            for (Procedure procedure : procedures) {
                CaseNumbers.Type other = byProcedure.putIfAbsent(procedure, type);
                if (other != null) {
                    throw SeedException.of(file, entry, "procedures: " + procedure + " is already numbered with "
                            + other.code());
                }
            }
            byCode.put(code, type);
        }
        return new CaseNumbers(byCode, byProcedure);
    }
}
