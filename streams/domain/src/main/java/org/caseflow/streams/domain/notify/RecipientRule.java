package org.caseflow.streams.domain.notify;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.AlertLevel;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * One entry of the recipients file: the role references it answers for, and the routes (level, court, procedure)
 * that narrow it. Empty filter sets mean "any".
 *
 * @param roles      role references as {@code Escalation} writes them ({@code judge:J1}, {@code president:湘0211});
 *                   a trailing {@code *} matches any rest ({@code division-chief:湘0211/*})
 * @param url        the recipient's own endpoint for its channel, or empty for the channel's configured one
 * @param courts     courts whose alerts it receives, already expanded with their subordinates where asked
 */
public record RecipientRule(String id, List<String> roles, Channel channel, Optional<String> url,
        Set<AlertLevel> levels, Set<CourtId> courts, Set<Procedure> procedures) {
    public RecipientRule {
        roles = List.copyOf(roles);
        levels = Set.copyOf(levels);
        courts = Set.copyOf(courts);
        procedures = Set.copyOf(procedures);
    }

    /** Whether one of its patterns matches {@code role}. */
    public boolean answersFor(String role) {
        for (String pattern : roles) {
            if (pattern.endsWith("*") ? role.startsWith(pattern.substring(0, pattern.length() - 1)) : role.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    public boolean accepts(AlertLevel level, CourtId court, Procedure procedure) {
        return (levels.isEmpty() || levels.contains(level))
                && (courts.isEmpty() || courts.contains(court))
                && (procedures.isEmpty() || procedures.contains(procedure));
    }
}
