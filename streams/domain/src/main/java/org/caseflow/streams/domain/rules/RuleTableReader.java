package org.caseflow.streams.domain.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.caseflow.streams.domain.seeds.ReferenceVersion;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.SeedYaml;

/**
 * Reads {@code trial-limits.yaml} into raw records, then validates every entry into a {@link ProcedureRule}.
 * Codes are checked against the domain's enums ({@link Procedure} is the contract's, see {@code AvroVocabulary}) so that
 * the table and the event contract cannot drift apart.
 */
final class RuleTableReader {
    record RuleFile(String description, String version, String effectiveFrom, PoliciesDto policies, List<RuleDto> rules) {}

    record PoliciesDto(String wrongApproverExtension) {}

    record RuleDto(String code, String category, String instance, LimitDto limit, String monthRule,
            List<StepDto> extensions, List<String> excludedReasons, String onConversion, Boolean restartable,
            LeadDto leadTimes, List<String> sources, String note) {}

    record LimitDto(Integer amount, String unit) {}

    record StepDto(String approver, SpanDto amount, SpanDto cap, String note) {}

    record SpanDto(Integer months, Integer days) {}

    record LeadDto(Integer notice, Integer warning, Integer critical) {}

    private final Path file;

    private RuleTableReader(Path file) {
        this.file = file;
    }

    /** A rule file that arrived as bytes; {@code file} is the name its errors cite. */
    static RuleTable read(Path file, byte[] content) {
        return validate(file, SeedYaml.read(file, content, RuleFile.class));
    }

    private static RuleTable validate(Path file, RuleFile raw) {
        RuleTableReader reader = new RuleTableReader(file);
        return new RuleTable(reader.validate(raw), reader.wrongApprover(raw.policies()),
                ReferenceVersion.read(file, raw.version(), raw.effectiveFrom()));
    }

    /** Absent: an extension by an approver the law does not name is not counted (the statute's reading). */
    private WrongApproverPolicy wrongApprover(PoliciesDto policies) {
        if (policies == null || policies.wrongApproverExtension() == null) {
            return WrongApproverPolicy.NOT_COUNTED;
        }
        try {
            return WrongApproverPolicy.valueOf(policies.wrongApproverExtension().trim());
        } catch (IllegalArgumentException e) {
            throw SeedException.of(file, "policies.wrongApproverExtension", "'" + policies.wrongApproverExtension()
                    + "' is not one of NOT_COUNTED, COUNTED");
        }
    }

    private Map<Procedure, ProcedureRule> validate(RuleFile raw) {
        if (raw.rules() == null || raw.rules().isEmpty()) {
            throw SeedException.of(file, "rules", "missing or empty");
        }
        Map<Procedure, ProcedureRule> out = new LinkedHashMap<>();
        for (int i = 0; i < raw.rules().size(); i++) {
            RuleDto dto = raw.rules().get(i);
            if (dto == null) {
                throw SeedException.of(file, "rules[" + i + "]", "empty entry");
            }
            ProcedureRule rule = rule(dto, i);
            if (out.putIfAbsent(rule.code(), rule) != null) {
                throw SeedException.of(file, entry(rule.code().name()), "duplicate procedure code");
            }
        }
        List<String> missing = Arrays.stream(Procedure.values())
                .filter(c -> !out.containsKey(c)).map(Enum::name).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw SeedException.of(file, "rules", "missing procedures " + String.join(", ", missing));
        }
        return out;
    }

    private static String entry(String code) {
        return "procedure " + code;
    }

    private ProcedureRule rule(RuleDto dto, int index) {
        if (dto.code() == null || dto.code().isBlank()) {
            throw SeedException.of(file, "rules[" + index + "]", "code: missing");
        }
        String code = dto.code().trim();
        String e = entry(code);
        Procedure procedure = SeedYaml.code(file, e, "code", code, Procedure.class);
        Category category = SeedYaml.code(file, e, "category", dto.category(), Category.class);
        Instance instance = SeedYaml.code(file, e, "instance", dto.instance(), Instance.class);
        MonthRule monthRule = SeedYaml.code(file, e, "monthRule", dto.monthRule(), MonthRule.class);
        ConversionRule conversion = SeedYaml.code(file, e, "onConversion", dto.onConversion(), ConversionRule.class);
        if (dto.restartable() == null) {
            throw SeedException.of(file, e, "restartable: missing (true or false)");
        }
        Integer amount = null;
        LimitUnit unit = null;
        if (dto.limit() != null) {
            if (dto.limit().amount() == null || dto.limit().amount() <= 0) {
                throw SeedException.of(file, e, "base limit: must be positive");
            }
            amount = dto.limit().amount();
            unit = SeedYaml.code(file, e, "base limit: unit", dto.limit().unit(), LimitUnit.class);
        }
        Span base = amount == null ? null : Span.of(amount, unit);
        List<ExtensionStep> steps = steps(e, dto.extensions(), base);
        Set<ExclusionReason> reasons = reasons(e, dto.excludedReasons());
        LeadTimes lead = leadTimes(e, dto.leadTimes(), base);
        if (dto.sources() == null || dto.sources().isEmpty() || dto.sources().stream().anyMatch(s -> s == null || s.isBlank())) {
            throw SeedException.of(file, e, "sources: at least one non-empty source article is required");
        }
        return new ProcedureRule(procedure, category, instance, amount, unit, monthRule, steps, reasons, conversion,
                dto.restartable(), lead, dto.sources());
    }

    private List<ExtensionStep> steps(String e, List<StepDto> raw, Span base) {
        List<ExtensionStep> steps = new ArrayList<>();
        if (raw == null) {
            return steps;
        }
        if (base == null && !raw.isEmpty()) {
            throw SeedException.of(file, e, "extensions: a procedure without a base limit cannot have extensions");
        }
        Set<Approver> seen = new LinkedHashSet<>();
        Span previousCap = base;
        boolean uncapped = false;
        for (int i = 0; i < raw.size(); i++) {
            StepDto s = raw.get(i);
            String where = "extensions[" + i + "]";
            if (s == null) {
                throw SeedException.of(file, e, where + ": empty step");
            }
            Approver approver = SeedYaml.code(file, e, where + ": approver", s.approver(), Approver.class);
            if (!seen.add(approver)) {
                throw SeedException.of(file, e, where + ": approver " + approver + " appears twice");
            }
            Span amount = span(e, where + ": amount", s.amount());
            Span cap = span(e, where + ": cap", s.cap());
            if (cap != null) {
                if (uncapped) {
                    throw SeedException.of(file, e, where + ": cap: a capped step cannot follow an uncapped one");
                }
                if (approxDays(cap) <= approxDays(previousCap)) {
                    throw SeedException.of(file, e, where + ": cap: " + cap + " must exceed " + previousCap);
                }
                previousCap = cap;
            } else {
                uncapped = true;
            }
            steps.add(new ExtensionStep(approver, amount, cap));
        }
        return steps;
    }

    private Span span(String e, String where, SpanDto dto) {
        if (dto == null) {
            return null;
        }
        int months = dto.months() == null ? 0 : dto.months();
        int days = dto.days() == null ? 0 : dto.days();
        if (months < 0 || days < 0 || months + days == 0) {
            throw SeedException.of(file, e, where + ": must be positive");
        }
        return new Span(months, days);
    }

    private Set<ExclusionReason> reasons(String e, List<String> raw) {
        Set<ExclusionReason> out = new LinkedHashSet<>();
        if (raw == null) {
            return out;
        }
        for (String r : raw) {
            out.add(SeedYaml.code(file, e, "excludedReasons", r, ExclusionReason.class));
        }
        return out;
    }

    private LeadTimes leadTimes(String e, LeadDto raw, Span base) {
        if (raw == null) {
            return LeadTimes.DEFAULT;
        }
        if (raw.notice() == null || raw.warning() == null || raw.critical() == null) {
            throw SeedException.of(file, e, "leadTimes: notice, warning and critical are all required");
        }
        if (!(raw.notice() > raw.warning() && raw.warning() > raw.critical() && raw.critical() >= 0)) {
            throw SeedException.of(file, e, "leadTimes: must satisfy notice > warning > critical >= 0, got "
                    + raw.notice() + "/" + raw.warning() + "/" + raw.critical());
        }
        if (base != null && raw.notice() >= approxDays(base)) {
            throw SeedException.of(file, e, "leadTimes: notice " + raw.notice() + " days is not shorter than the limit " + base);
        }
        return new LeadTimes(raw.notice(), raw.warning(), raw.critical());
    }

    /** Lower bound in days (28-day months), enough to order caps and check lead times. */
    private static int approxDays(Span s) {
        return s.months() * 28 + s.days();
    }

}
