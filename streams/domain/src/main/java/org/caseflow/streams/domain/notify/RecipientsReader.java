package org.caseflow.streams.domain.notify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.caseflow.events.AlertLevel;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.SeedFiles;
import org.caseflow.streams.domain.seeds.SeedYaml;

/**
 * Reads and validates the recipients file ({@code seeds/notify/recipients.yaml} is the example): every problem of
 * every entry is collected and reported at once as {@code file: recipients[i] (id): reason}, so a notify service
 * never starts with a routing table that silently drops alerts.
 */
public final class RecipientsReader {
    /**
     * The role kinds {@code Escalation} writes, and {@code court:} (a court's weekly and monthly digests); a pattern must
     * start with one of them.
     */
    static final List<String> ROLE_KINDS = List.of("judge:", "division-chief:", "president:", "higher-court:", "court:");

    record RecipientsFile(String description, List<Entry> recipients) {}

    record Entry(String id, List<String> roles, String channel, String url, List<String> levels, List<String> courts,
            Boolean subordinates, List<String> procedures) {}

    private RecipientsReader() {
    }

    public static List<RecipientRule> read(Path file, CourtRegistry courts, SeedFiles files) {
        RecipientsFile raw = SeedYaml.read(file, files.read(file), RecipientsFile.class);
        if (raw.recipients() == null || raw.recipients().isEmpty()) {
            throw SeedException.of(file, "recipients", "missing or empty");
        }
        List<String> problems = new ArrayList<>();
        List<RecipientRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < raw.recipients().size(); i++) {
            Entry e = raw.recipients().get(i);
            String where = "recipients[" + i + "]" + (e == null || e.id() == null ? "" : " (" + e.id() + ")");
            List<String> mine = new ArrayList<>();
            RecipientRule rule = e == null ? null : rule(e, courts, mine);
            if (e == null) {
                mine.add("empty entry");
            } else if (e.id() != null && !ids.add(e.id())) {
                mine.add("id: duplicate");
            }
            mine.forEach(m -> problems.add(file + ": " + where + ": " + m));
            if (mine.isEmpty()) {
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new SeedException(String.join("\n", problems));
        }
        return rules;
    }

    private static RecipientRule rule(Entry e, CourtRegistry registry, List<String> problems) {
        if (e.id() == null || e.id().isBlank()) {
            problems.add("id: required");
        }
        List<String> roles = e.roles() == null ? List.of() : e.roles();
        if (roles.isEmpty()) {
            problems.add("roles: required (e.g. [\"judge:J0211-01\"], [\"president:湘0211\"], [\"division-chief:湘02/*\"])");
        }
        for (String role : roles) {
            if (role == null || ROLE_KINDS.stream().noneMatch(role::startsWith)) {
                problems.add("roles: '" + role + "' must start with one of " + ROLE_KINDS);
            } else if (role.indexOf('*') >= 0 && role.indexOf('*') != role.length() - 1) {
                problems.add("roles: '" + role + "': '*' may only end a pattern");
            }
        }
        Channel channel = Channel.WEBHOOK;
        if (e.channel() == null) {
            problems.add("channel: required (webhook or alertmanager)");
        } else {
            try {
                channel = Channel.valueOf(e.channel().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problems.add("channel: '" + e.channel() + "' is not webhook or alertmanager");
            }
        }
        if (e.url() != null && !(e.url().startsWith("http://") || e.url().startsWith("https://"))) {
            problems.add("url: '" + e.url() + "' must be an http:// or https:// URL");
        }
        Set<AlertLevel> levels = codes(e.levels(), AlertLevel.class, "levels", problems);
        Set<Procedure> procedures = codes(e.procedures(), Procedure.class, "procedures", problems);
        Set<CourtId> courts = new LinkedHashSet<>();
        boolean subordinates = e.subordinates() == null || e.subordinates();
        for (String code : e.courts() == null ? List.<String>of() : e.courts()) {
            CourtId id = CourtId.ofUnchecked(code);
            if (!registry.contains(id)) {
                problems.add("courts: unknown court '" + code + "' (see seeds/courts)");
            } else {
                courts.addAll(subordinates ? registry.withSubordinates(id) : Set.of(id));
            }
        }
        return new RecipientRule(e.id() == null ? "" : e.id(), roles.stream().filter(r -> r != null).toList(), channel,
                Optional.ofNullable(e.url()), levels, courts, procedures);
    }

    private static <E extends Enum<E>> Set<E> codes(List<String> values, Class<E> type, String field,
            List<String> problems) {
        Set<E> out = new HashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            try {
                out.add(Enum.valueOf(type, v));
            } catch (IllegalArgumentException | NullPointerException ex) {
                problems.add(field + ": unknown code '" + v + "' (one of " + Arrays.toString(type.getEnumConstants()) + ")");
            }
        }
        return out;
    }
}
