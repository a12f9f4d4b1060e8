package org.caseflow.streams.domain.courts;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caseflow.streams.domain.seeds.ReferenceVersion;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.SeedFiles;
import org.caseflow.streams.domain.seeds.SeedYaml;

/**
 * Reads every court file and validates the hierarchy: unique codes, known parents of a higher level,
 * valid time zones, and one supervision chain shared by all files.
 */
final class CourtReader {
    record CourtFile(String description, String version, String effectiveFrom, List<String> supervisionChain,
            List<CourtDto> courts) {}

    record CourtDto(String code, String name, String nameEn, String level, String parent, String zone,
            String jurisdiction, String note) {}

    private CourtReader() {
    }

    static CourtRegistry read(Path dir, SeedFiles files) {
        Map<CourtId, Court> courts = new LinkedHashMap<>();
        Map<CourtId, Path> origin = new LinkedHashMap<>();
        List<SupervisionRole> chain = null;
        List<String> versions = new java.util.ArrayList<>();
        for (Path file : files.yamlFiles(dir)) {
            CourtFile raw = SeedYaml.read(file, files.read(file), CourtFile.class);
            versions.add(file.getFileName() + " " + ReferenceVersion.read(file, raw.version(), raw.effectiveFrom()));
            List<SupervisionRole> fileChain = chain(file, raw.supervisionChain());
            if (chain != null && !chain.equals(fileChain)) {
                throw SeedException.of(file, "supervisionChain", fileChain + " differs from " + chain + " of another file");
            }
            chain = fileChain;
            if (raw.courts() == null || raw.courts().isEmpty()) {
                throw SeedException.of(file, "courts", "missing or empty");
            }
            for (int i = 0; i < raw.courts().size(); i++) {
                Court c = court(file, i, raw.courts().get(i));
                if (courts.putIfAbsent(c.code(), c) != null) {
                    throw SeedException.of(file, "court " + c.code(), "duplicate code (also in " + origin.get(c.code()) + ")");
                }
                origin.put(c.code(), file);
            }
        }
        for (Court c : courts.values()) {
            checkParent(origin.get(c.code()), c, courts);
        }
        return new CourtRegistry(courts, chain, new ReferenceVersion(String.join("; ", versions), null));
    }

    /** A court's parent is known and of a higher level. */
    static void checkParent(Path file, Court c, Map<CourtId, Court> courts) {
        if (c.parent() == null) {
            return;
        }
        Court p = courts.get(c.parent());
        if (p == null) {
            throw SeedException.of(file, "court " + c.code(), "parent: unknown court '" + c.parent() + "'");
        }
        if (p.level().ordinal() >= c.level().ordinal()) {
            throw SeedException.of(file, "court " + c.code(), "parent: " + p.code() + " (" + p.level()
                    + ") is not above " + c.level());
        }
    }

    /** One courts file published live: its courts, supervision chain and version (parents are checked on adding). */
    static CourtAddition parse(Path file, byte[] content) {
        CourtFile raw = SeedYaml.read(file, content, CourtFile.class);
        ReferenceVersion version = ReferenceVersion.read(file, raw.version(), raw.effectiveFrom());
        List<SupervisionRole> chain = chain(file, raw.supervisionChain());
        if (raw.courts() == null || raw.courts().isEmpty()) {
            throw SeedException.of(file, "courts", "missing or empty");
        }
        Map<CourtId, Court> courts = new LinkedHashMap<>();
        for (int i = 0; i < raw.courts().size(); i++) {
            Court c = court(file, i, raw.courts().get(i));
            if (courts.putIfAbsent(c.code(), c) != null) {
                throw SeedException.of(file, "court " + c.code(), "duplicate code");
            }
        }
        return new CourtAddition(List.copyOf(courts.values()), chain, version);
    }

    private static List<SupervisionRole> chain(Path file, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw SeedException.of(file, "supervisionChain", "missing or empty");
        }
        List<SupervisionRole> out = new ArrayList<>();
        for (String r : raw) {
            SupervisionRole role = SeedYaml.code(file, "supervisionChain", "role", r, SupervisionRole.class);
            if (out.contains(role)) {
                throw SeedException.of(file, "supervisionChain", role + " listed twice");
            }
            out.add(role);
        }
        return out;
    }

    private static Court court(Path file, int index, CourtDto dto) {
        if (dto == null || dto.code() == null || dto.code().isBlank()) {
            throw SeedException.of(file, "courts[" + index + "]", "code: missing");
        }
        String code = dto.code().trim();
        String e = "court " + code;
        require(file, e, "name", dto.name());
        require(file, e, "nameEn", dto.nameEn());
        require(file, e, "jurisdiction", dto.jurisdiction());
        require(file, e, "zone", dto.zone());
        CourtLevel level = SeedYaml.code(file, e, "level", dto.level(), CourtLevel.class);
        ZoneId zone;
        try {
            zone = ZoneId.of(dto.zone().trim());
        } catch (DateTimeException ex) {
            throw SeedException.of(file, e, "zone: '" + dto.zone() + "' is not a time zone id");
        }
        String parent = dto.parent() == null || dto.parent().isBlank() ? null : dto.parent().trim();
        if (code.equals(parent)) {
            throw SeedException.of(file, e, "parent: a court cannot be its own parent");
        }
        return new Court(new CourtId(code), dto.name().trim(), dto.nameEn().trim(), level, CourtId.ofNullable(parent), zone,
                dto.jurisdiction().trim());
    }

    private static void require(Path file, String entry, String field, String value) {
        if (value == null || value.isBlank()) {
            throw SeedException.of(file, entry, field + ": missing");
        }
    }
}
